using System.Text;
using System.Xml;
using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// Writes a <see cref="WarningMessage"/> as strict OASIS CAP 1.2: schema element order, the CAP 1.2
/// default namespace, times as yyyy-MM-ddTHH:mm:ss±hh:mm (UTC as -00:00), invariant decimals.
/// </summary>
/// <remarks>
/// Fields CAP has no element for travel as <see cref="CapConventions"/> event codes and parameters.
/// The message-level ones (sender code, secClassification, target groups, blocked channels, channel
/// directives) go into the first info block, so a message without any info cannot carry them and they
/// are not written. <see cref="CapCertainty.VeryLikely"/> is written as Likely (CAP 1.2 has no such value).
/// A reference lacking a sender or sent time (as 12379 references are) is completed from this message's
/// sender and the time in its GB identifier; a resource without a MIME type is written with an empty mimeType.
/// </remarks>
public static partial class CapWriter
{
    private static readonly XNamespace Cap = CapConventions.Cap12Namespace;

    /// <summary>The CAP 1.2 document as UTF-8 XML text (with its declaration).</summary>
    public static string Write(WarningMessage message)
    {
        var document = ToDocument(message);
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static XDocument ToDocument(WarningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var alert = new XElement(Cap + "alert",
            Element("identifier", message.Identifier),
            Element("sender", message.Sender),
            Element("sent", CapFormat.FormatDateTime(message.Sent)),
            Element("status", message.Status.ToString()),
            Element("msgType", message.MsgType.ToString()),
            Optional("source", message.Source),
            Element("scope", message.Scope.ToString()),
            Optional("restriction", message.Restriction),
            Optional("addresses", message.Addresses),
            message.Codes.Select(code => Element("code", code)),
            Optional("note", message.Note),
            message.References.Count == 0 ? null : Element("references", string.Join(' ', message.References.Select(r => FormatReference(r, message)))),
            Optional("incidents", message.Incidents),
            message.Infos.Select((info, i) => InfoElement(info, i == 0 ? message : null)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    /// <summary>
    /// CAP needs the whole "sender,identifier,sent" triplet, while a 12379 reference is only the first release's
    /// identifier. The gaps are filled the way 12379 means them: the same department sent it, at the time its
    /// GB identifier encodes (or, failing that, no later than this message).
    /// </summary>
    private static string FormatReference(MessageReference reference, WarningMessage message)
    {
        var sender = reference.Sender ?? message.Sender;
        var sent = reference.Sent
            ?? (GbIdentifier.TryParse(reference.Identifier, out var id) ? id.SentAt : message.Sent);
        return $"{sender},{reference.Identifier},{CapFormat.FormatDateTime(sent)}";
    }

    private static XElement Element(string name, string value) => new(Cap + name, value);

    private static XElement? Optional(string name, string? value) => value is null ? null : Element(name, value);

    private static XElement? Optional(string name, DateTimeOffset? value) =>
        value is { } time ? Element(name, CapFormat.FormatDateTime(time)) : null;

    private static XElement? Optional(string name, decimal? value) =>
        value is { } number ? Element(name, CapFormat.FormatDecimal(number)) : null;

    private static XElement NamedValue(string name, NamedValue value) =>
        new(Cap + name, Element("valueName", value.Name), Element("value", value.Value));
}
