using System.Globalization;
using System.Text;
using System.Xml;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// Writes the two XML files of a GY/T 384 (formerly GD/J 083) package: the EBD carrying a GY/T 385 (formerly
/// GD/J 082) EBM, and the EBDS signature file.
/// </summary>
/// <remarks>
/// The standard texts were not available to us. Provenance of every name, so it can be checked against the
/// purchased standard (shared/reference/channel-protocols.md §4.2):
/// <list type="bullet">
/// <item>From the reference (several open implementations agree): root <c>EBD</c>; header <c>EBDVersion</c>,
/// <c>EBDID</c>, <c>EBDType</c> (value <c>EBM</c>), <c>SRC/EBRID</c>, <c>DEST/EBRID</c>, <c>EBDTime</c>; <c>EBM</c>
/// with <c>EBMVersion</c>, <c>EBMID</c>, <c>RelatedEBM</c>, <c>MsgBasicInfo{MsgType, SenderName, SenderCode,
/// SentTime, EventType, Severity, StartTime, EndTime}</c>, <c>MsgContent{LanguageCode, MsgTitle, MsgDesc,
/// AreaCode}</c>; files named <c>EBDB_{EBDID}.xml</c> and <c>EBDS_…</c>.</item>
/// <item>Our reading of open implementations (not in the reference): <c>SRC/URL</c>; the element order above;
/// times as <c>yyyy-MM-dd HH:mm:ss</c> in Beijing time without offset; <c>EBDVersion</c>/<c>EBMVersion</c> 1;
/// MsgType 1 实际播发, 2 取消播发, 3 平台演练播发; Severity 1 特别重大 (Red) … 4 一般 (Blue), 0 unknown;
/// LanguageCode <c>zho</c>; several area codes comma-separated in one <c>AreaCode</c>; the EBDS root
/// <c>Signature{Version, RelatedEBD/EBDID, CertSN, SignatureAlgorithm, SignatureValue}</c> with the value in base64.</item>
/// <item>Ours alone: <c>RelatedEBM</c> holding one <c>EBMID</c> child per earlier EBM; the EBDS file name
/// <c>EBDS_EBDB_{EBDID}.xml</c>; a DER-encoded (ASN.1 r, s) signature value. <c>Dispatch</c> (EBEAS/EBEBS
/// routing) is left out: the platform chooses its own transmission systems for the area.</item>
/// </list>
/// </remarks>
internal static class EbdWriter
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static string EbdFileName(string ebdId) => $"EBDB_{ebdId}.xml";

    public static string SignatureFileName(string ebdId) => $"EBDS_EBDB_{ebdId}.xml";

    public static string PackageFileName(string ebdId) => $"EBDT_{ebdId}.tar";

    /// <summary>Beijing wall-clock time without offset, as the platform reads it.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToOffset(BroadcastPlatformConstants.BeijingOffset).ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The EBD XML as UTF-8 bytes: the exact bytes that are signed and packed.</summary>
    public static byte[] WriteEbm(EbmFields ebm)
    {
        ArgumentNullException.ThrowIfNull(ebm);
        return Write(writer =>
        {
            writer.WriteStartElement("EBD");
            writer.WriteElementString("EBDVersion", "1");
            writer.WriteElementString("EBDID", ebm.EbdId);
            writer.WriteElementString("EBDType", "EBM");
            writer.WriteStartElement("SRC");
            writer.WriteElementString("EBRID", ebm.SourceEbrId);
            if (ebm.SourceUrl is not null)
            {
                writer.WriteElementString("URL", ebm.SourceUrl);
            }
            writer.WriteEndElement();
            writer.WriteStartElement("DEST");
            writer.WriteElementString("EBRID", ebm.DestinationEbrId);
            writer.WriteEndElement();
            writer.WriteElementString("EBDTime", FormatTime(ebm.EbdTime));
            writer.WriteStartElement("EBM");
            writer.WriteElementString("EBMVersion", "1");
            writer.WriteElementString("EBMID", ebm.EbmId);
            if (ebm.RelatedEbmIds.Count > 0)
            {
                writer.WriteStartElement("RelatedEBM");
                foreach (var related in ebm.RelatedEbmIds)
                {
                    writer.WriteElementString("EBMID", related);
                }
                writer.WriteEndElement();
            }
            WriteBasicInfo(writer, ebm);
            writer.WriteStartElement("MsgContent");
            writer.WriteElementString("LanguageCode", "zho");
            writer.WriteElementString("MsgTitle", ebm.Title);
            writer.WriteElementString("MsgDesc", ebm.Description);
            writer.WriteElementString("AreaCode", string.Join(',', ebm.AreaCodes));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
    }

    /// <summary>The EBDS file for the EBD <paramref name="ebdId"/>, carrying its SM2 signature.</summary>
    public static byte[] WriteSignature(string ebdId, string certificateSerial, ReadOnlySpan<byte> signature)
    {
        var value = Convert.ToBase64String(signature);
        return Write(writer =>
        {
            writer.WriteStartElement("Signature");
            writer.WriteElementString("Version", "1");
            writer.WriteStartElement("RelatedEBD");
            writer.WriteElementString("EBDID", ebdId);
            writer.WriteEndElement();
            writer.WriteElementString("CertSN", certificateSerial);
            writer.WriteElementString("SignatureAlgorithm", BroadcastPlatformConstants.SignatureAlgorithm);
            writer.WriteElementString("SignatureValue", value);
            writer.WriteEndElement();
        });
    }

    private static void WriteBasicInfo(XmlWriter writer, EbmFields ebm)
    {
        writer.WriteStartElement("MsgBasicInfo");
        writer.WriteElementString("MsgType", ebm.MsgType.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("SenderName", ebm.SenderName);
        writer.WriteElementString("SenderCode", ebm.SenderCode);
        writer.WriteElementString("SentTime", FormatTime(ebm.SentTime));
        if (ebm.EventType is not null)
        {
            writer.WriteElementString("EventType", ebm.EventType);
        }
        writer.WriteElementString("Severity", ebm.Severity.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("StartTime", FormatTime(ebm.StartTime));
        writer.WriteElementString("EndTime", FormatTime(ebm.EndTime));
        writer.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }
}
