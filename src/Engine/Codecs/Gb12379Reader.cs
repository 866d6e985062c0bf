using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// Reads the GB/T 35965.1 dialect as the national 12379 platform exchanges it (root <c>alert</c> with no
/// namespace). Lenient where real feeds differ: any element order, "T" or a space in times, case-insensitive
/// enum values, empty optional elements, list separators with stray commas. Strict where meaning is at stake:
/// times must carry a UTC offset, required elements must be present.
/// </summary>
/// <remarks>
/// Never throws on bad input. When reading finds an error the result has no message, only issues; warnings
/// (e.g. an identifier not in GB form) keep the message. A mapped message is also checked by
/// <see cref="WarningRules.Validate"/>.
/// </remarks>
public static partial class Gb12379Reader
{
    private const string Root = "/alert";

    public static ReadResult Read(string xml) => SafeXml.ReadWith(xml, WarningDialect.Gb12379, Read);

    public static ReadResult Read(Stream xml) => SafeXml.ReadWith(xml, WarningDialect.Gb12379, Read);

    public static ReadResult Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root is not { } root || root.Name != XName.Get("alert"))
        {
            return ReadResult.Failed(null, UnknownDialect(document.Root));
        }
        var issues = new List<ValidationIssue>();
        var message = ReadAlert(root, issues);
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            message = null;
        }
        else if (message is not null)
        {
            issues.AddRange(WarningRules.Validate(message, Root));
        }
        return new ReadResult(message, WarningDialect.Gb12379, [.. issues]);
    }

    private static WarningMessage? ReadAlert(XElement alert, List<ValidationIssue> issues)
    {
        var at = new Scope(alert, Root, "alert", issues);
        var identifier = at.Required("identifier");
        var sender = at.Required("sender");
        var senderCode = at.Text("senderCode")?.Trim();
        var sent = at.Time("sendTime", required: true);
        var status = at.Enum<AlertStatus>("status", required: true);
        var msgType = at.Enum<MessageType>("msgType", required: true);
        var scope = at.Enum<AlertScope>("scope", required: false);
        CheckIdentifier(identifier, issues);
        CheckSenderCode(senderCode, issues);
        var channels = ReadChannels(alert, issues);
        var references = ReadReferences(at.Text("references"));
        var infos = alert.Elements("info").Select((info, i) => ReadInfo(info, $"{Root}/info[{i + 1}]", issues)).ToList();
        if (infos.Count == 0)
        {
            issues.Add(Missing($"{Root}/info", "info", "alert"));
        }
        if (identifier is null || sender is null || sent is null || status is null || msgType is null || infos.Contains(null))
        {
            return null;
        }
        return new WarningMessage
        {
            Identifier = identifier,
            Sender = sender,
            SenderCode = senderCode,
            Sent = sent.Value,
            Status = status.Value,
            MsgType = msgType.Value,
            Scope = scope ?? AlertScope.Public,
            Channels = channels,
            SecClassification = at.Text("secClassification"),
            Note = at.Text("note"),
            References = references,
            Infos = [.. infos.OfType<WarningInfo>()],
        };
    }

    private static ValidationIssue UnknownDialect(XElement? root) => new("/", IssueCodes.UnknownDialect, root switch
    {
        null => "The document has no root element.",
        { Name.LocalName: "alert" } => $"The root element <alert> is in namespace \"{root.Name.NamespaceName}\"; " +
            "a 12379 document's root has no namespace (a namespaced alert is CAP: use the CAP reader).",
        _ => $"The root element is <{root.Name.LocalName}>, not the 12379 <alert> (with no namespace).",
    });

    private static ValidationIssue Missing(string path, string name, string owner) =>
        new(path, IssueCodes.MissingElement, $"<{name}> is missing or empty; a 12379 <{owner}> must have one.");
}
