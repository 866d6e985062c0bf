using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class CapReader
{
    private static WarningMessage ReadAlert(XElement alert, CapReadContext c)
    {
        const string p = AlertPath;
        var identifier = c.Required(alert, p, "identifier", null).Trim();
        var sender = c.Required(alert, p, "sender", "identifier").Trim();
        var sentElement = c.Child(alert, "sent");
        if (sentElement is null)
        {
            c.ReportMissing(p, "sent", "sender", "a time such as 2024-06-01T14:30:00+08:00");
        }
        var sent = sentElement is null ? null : c.ParseDate(sentElement.Value, $"{p}/sent");
        var status = c.RequiredEnum(alert, p, "status", "sent", AlertStatus.Actual);
        var msgType = c.RequiredEnum(alert, p, "msgType", "status", MessageType.Alert);
        var scope = c.RequiredEnum(alert, p, "scope", "msgType", AlertScope.Public);
        var references = c.Child(alert, "references") is { } refs ? ReadReferences(refs.Value, $"{p}/references", c) : [];

        var conventions = new CapConventionFields();
        var infos = c.Children(alert, "info")
            .Select((e, i) => conventions.Lift(ReadInfo(e, $"{p}/info[{i + 1}]", c), $"{p}/info[{i + 1}]", c))
            .ToValueList();

        return new WarningMessage
        {
            Identifier = identifier,
            Sender = sender,
            SenderCode = conventions.SenderCode,
            Sent = sent ?? DateTimeOffset.MinValue,
            Status = status,
            MsgType = msgType,
            Source = c.Text(alert, "source"),
            Scope = scope,
            Restriction = c.Text(alert, "restriction"),
            Addresses = c.Text(alert, "addresses"),
            Codes = c.Children(alert, "code").Select(e => e.Value).ToValueList(),
            Note = c.Text(alert, "note"),
            References = references,
            Incidents = c.Text(alert, "incidents"),
            SecClassification = conventions.SecClassification,
            Channels = conventions.Channels(),
            BlockedChannels = conventions.BlockedChannels.ToValueList(),
            TargetGroups = conventions.TargetGroups.ToValueList(),
            Infos = infos,
        };
    }

    private static ValueList<MessageReference> ReadReferences(string text, string path, CapReadContext c)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            c.Report(path, IssueCodes.InvalidReferences,
                "references is empty: give one or more 'sender,identifier,sent' triplets separated by spaces.");
            return [];
        }
        var result = new List<MessageReference>(tokens.Length);
        foreach (var token in tokens)
        {
            var parts = token.Split(',');
            if (parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0
                && CapFormat.TryParseDateTime(parts[2], out var sent, out var usedZ) && !usedZ)
            {
                result.Add(new MessageReference(parts[0], parts[1], sent));
                continue;
            }
            c.Report(path, IssueCodes.InvalidReferences,
                $"'{token}' is not a 'sender,identifier,sent' triplet (sent as 2024-06-01T14:30:00+08:00); " +
                "references are separated by spaces.");
        }
        return result.ToValueList();
    }
}
