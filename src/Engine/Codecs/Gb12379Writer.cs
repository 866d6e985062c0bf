using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// Writes the GB/T 35965.1 dialect as the national 12379 platform exchanges it: no XML namespace, a fixed
/// element order, times as <c>yyyy-MM-dd HH:mm:ss+08:00</c> in Beijing time, severity as the colour.
/// </summary>
/// <remarks>
/// The dialect cannot carry, so this writer drops: CAP <c>parameter</c>s, <c>eventCode</c>s (only the GB/T 35561
/// type travels, as <c>eventType</c>), CAP <c>code</c> values, <c>source</c>, <c>restriction</c>, <c>addresses</c>,
/// <c>incidents</c>, <c>responseType</c>, <c>audience</c>, <c>derefUri</c>, altitude and ceiling, geocodes other
/// than GB/T 2260 admin codes, blocked channels, target groups, every <c>info</c> after the first, and every
/// reference after the first (12379 references only the thread's first release, by identifier).
/// CAP <c>severity</c>, <c>urgency</c> and <c>certainty</c> are not derived: <see cref="WarningInfo.Level"/> is
/// the source of truth for <c>severity</c>. Status and scope are written as they are, so an Exercise stays
/// <c>Exercise</c> although the 12379 platform only uses Actual and Test. Times are written to the whole second.
/// </remarks>
public static partial class Gb12379Writer
{
    /// <summary>The document as text, UTF-8 declared, indented.</summary>
    public static string Write(WarningMessage message)
    {
        var document = ToDocument(message);
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, settings))
        {
            document.Save(writer);
        }
        return text.ToString();
    }

    public static XDocument ToDocument(WarningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var alert = new XElement("alert",
            new XElement("identifier", message.Identifier),
            new XElement("sender", message.Sender),
            Optional("senderCode", message.SenderCode),
            new XElement("sendTime", FormatTime(message.Sent)),
            new XElement("status", message.Status.ToString()),
            new XElement("msgType", message.MsgType.ToString()),
            new XElement("scope", message.Scope.ToString()),
            message.Channels.Count == 0 ? null : new XElement("code", message.Channels.Select(Method)),
            Optional("secClassification", message.SecClassification),
            Optional("note", message.Note),
            message.References.Count == 0 ? null : new XElement("references", message.References[0].Identifier),
            message.Infos.Count == 0 ? null : Info(message.Infos[0]));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), alert);
    }

    /// <summary>12379 time: Beijing time, a space between date and time, always "+08:00".</summary>
    internal static string FormatTime(DateTimeOffset value) =>
        value.ToOffset(GbIdentifier.BeijingOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+08:00";

    private static XElement Method(ChannelDirective channel) => new("method",
        new XElement("methodName", channel.Channel),
        new XElement("message", channel.Message ?? string.Empty),
        channel.AudienceGroups.Count == 0 ? null : new XElement("audienceGrp", string.Join(',', channel.AudienceGroups)),
        channel.AudiencePersons.Count == 0 ? null : new XElement("audiencePrt", string.Join(',', channel.AudiencePersons)));

    private static XElement? Optional(string name, string? value) => value is null ? null : new XElement(name, value);

    private static XElement? Optional(string name, DateTimeOffset? value) =>
        value is { } time ? new XElement(name, FormatTime(time)) : null;

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
