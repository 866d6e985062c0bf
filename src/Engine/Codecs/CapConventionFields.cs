using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// Lifts the <see cref="CapConventions"/> fields out of each info's event codes and parameters back
/// into the model. Message-level fields may sit in any info; they are collected here once each.
/// </summary>
internal sealed class CapConventionFields
{
    private const string AudienceGroupSuffix = ":audienceGrp";
    private const string AudiencePersonSuffix = ":audiencePrt";

    private readonly List<string> _channelOrder = [];
    private readonly Dictionary<string, ChannelParts> _channels = new(StringComparer.Ordinal);

    public string? SenderCode { get; private set; }

    public string? SecClassification { get; private set; }

    public List<string> TargetGroups { get; } = [];

    public List<string> BlockedChannels { get; } = [];

    public ValueList<ChannelDirective> Channels() =>
        _channelOrder.Select(name => _channels[name].ToDirective(name)).ToValueList();

    public WarningInfo Lift(WarningInfo info, string path, CapReadContext context)
    {
        var eventType = info.EventCodes.FirstOrDefault(e => e.Name.Trim() == CapConventions.EventTypeCodeName);
        WarningLevel? level = null;
        var hasLevel = false;
        var parameters = new List<NamedValue>();
        for (var i = 0; i < info.Parameters.Count; i++)
        {
            var parameter = info.Parameters[i];
            var name = parameter.Name.Trim();
            if (name == CapConventions.LevelParameter)
            {
                hasLevel = true;
                level = ParseLevel(parameter.Value, $"{path}/parameter[{i + 1}]", context) ?? level;
            }
            else if (!TryLiftMessageField(name, parameter.Value))
            {
                parameters.Add(parameter);
            }
        }
        return info with
        {
            EventType = eventType?.Value.Trim(),
            EventCodes = info.EventCodes.Where(e => !ReferenceEquals(e, eventType)).ToValueList(),
            Level = hasLevel ? level : WarningLevels.FromCapSeverity(info.Severity),
            Parameters = parameters.ToValueList(),
        };
    }

    private bool TryLiftMessageField(string name, string value)
    {
        switch (name)
        {
            case CapConventions.SenderCodeParameter:
                SenderCode ??= value.Trim();
                return true;
            case CapConventions.SecClassificationParameter:
                SecClassification ??= value.Trim();
                return true;
            case CapConventions.TargetGroupParameter:
                AddOnce(TargetGroups, value.Trim());
                return true;
            case CapConventions.BlockChannelParameter:
                AddOnce(BlockedChannels, value.Trim());
                return true;
        }
        if (!name.StartsWith(CapConventions.MethodParameterPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = name[CapConventions.MethodParameterPrefix.Length..];
        if (rest.EndsWith(AudienceGroupSuffix, StringComparison.Ordinal))
        {
            Channel(rest[..^AudienceGroupSuffix.Length]).Groups.AddRange(SplitIds(value));
        }
        else if (rest.EndsWith(AudiencePersonSuffix, StringComparison.Ordinal))
        {
            Channel(rest[..^AudiencePersonSuffix.Length]).Persons.AddRange(SplitIds(value));
        }
        else
        {
            Channel(rest).Message ??= value.Length == 0 ? null : value;
        }
        return true;
    }

    private static WarningLevel? ParseLevel(string text, string path, CapReadContext context)
    {
        if (CapEnumNames.TryParse(text.Trim(), out WarningLevel level))
        {
            return level;
        }
        context.Report(path, IssueCodes.InvalidValue,
            $"'{text.Trim()}' is not a warning level: {CapConventions.LevelParameter} must be Red, Orange, Yellow or Blue.");
        return null;
    }

    private ChannelParts Channel(string name)
    {
        if (!_channels.TryGetValue(name, out var parts))
        {
            parts = new ChannelParts();
            _channels.Add(name, parts);
            _channelOrder.Add(name);
        }
        return parts;
    }

    private static string[] SplitIds(string value) => value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private sealed class ChannelParts
    {
        public string? Message { get; set; }

        public List<string> Groups { get; } = [];

        public List<string> Persons { get; } = [];

        public ChannelDirective ToDirective(string name) =>
            new(name, Message, Groups.ToValueList(), Persons.ToValueList());
    }
}
