using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class CapWriter
{
    private static IEnumerable<NamedValue> EventCodes(WarningInfo info)
    {
        if (info.EventType is { } eventType)
        {
            yield return new NamedValue(CapConventions.EventTypeCodeName, eventType);
        }
        foreach (var code in info.EventCodes)
        {
            yield return code;
        }
    }

    /// <summary>The level first, then (in the carrying info only) the message-level fields, then the plain parameters.</summary>
    private static IEnumerable<NamedValue> Parameters(WarningInfo info, WarningMessage? carrier)
    {
        if (info.Level is { } level)
        {
            yield return new NamedValue(CapConventions.LevelParameter, level.ToString());
        }
        if (carrier is not null)
        {
            foreach (var parameter in MessageParameters(carrier))
            {
                yield return parameter;
            }
        }
        foreach (var parameter in info.Parameters)
        {
            yield return parameter;
        }
    }

    private static IEnumerable<NamedValue> MessageParameters(WarningMessage message)
    {
        if (message.SenderCode is { } senderCode)
        {
            yield return new NamedValue(CapConventions.SenderCodeParameter, senderCode);
        }
        if (message.SecClassification is { } secClassification)
        {
            yield return new NamedValue(CapConventions.SecClassificationParameter, secClassification);
        }
        foreach (var group in message.TargetGroups)
        {
            yield return new NamedValue(CapConventions.TargetGroupParameter, group);
        }
        foreach (var channel in message.BlockedChannels)
        {
            yield return new NamedValue(CapConventions.BlockChannelParameter, channel);
        }
        foreach (var directive in message.Channels)
        {
            var prefix = CapConventions.MethodParameterPrefix + directive.Channel;
            yield return new NamedValue(prefix, directive.Message ?? string.Empty);
            if (directive.AudienceGroups.Count > 0)
            {
                yield return new NamedValue(prefix + ":audienceGrp", string.Join(' ', directive.AudienceGroups));
            }
            if (directive.AudiencePersons.Count > 0)
            {
                yield return new NamedValue(prefix + ":audiencePrt", string.Join(' ', directive.AudiencePersons));
            }
        }
    }
}
