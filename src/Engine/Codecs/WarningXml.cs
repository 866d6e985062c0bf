using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// Reads either dialect, choosing by the root element's namespace (CAP has one, 12379 has none), and
/// writes the dialect asked for. The entry point for anything that receives warning XML from outside.
/// </summary>
public static class WarningXml
{
    public static ReadResult Read(string xml) => SafeXml.ReadWith(xml, null, Read);

    public static ReadResult Read(Stream xml) => SafeXml.ReadWith(xml, null, Read);

    public static ReadResult Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return DetectDialect(document) switch
        {
            WarningDialect.Gb12379 => Gb12379Reader.Read(document),
            null => ReadResult.Failed(null, new ValidationIssue("/", IssueCodes.UnknownDialect,
                $"The root element '{document.Root?.Name.LocalName}' in namespace '{document.Root?.Name.NamespaceName}' " +
                "is neither a CAP alert (urn:oasis:names:tc:emergency:cap:1.x) nor a 12379 alert (no namespace).")),
            _ => CapReader.Read(document),
        };
    }

    /// <summary>The dialect of a parsed document, or null when it is not a warning at all.</summary>
    public static WarningDialect? DetectDialect(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root is not { Name.LocalName: "alert" } root)
        {
            return null;
        }
        return root.Name.NamespaceName switch
        {
            CapConventions.Cap12Namespace => WarningDialect.Cap12,
            CapConventions.Cap11Namespace => WarningDialect.Cap11,
            CapConventions.Cap10Namespace => WarningDialect.Cap10,
            "" => WarningDialect.Gb12379,
            _ => null,
        };
    }

    /// <summary>Writes <paramref name="message"/> as CAP 1.2 or 12379 XML.</summary>
    public static string Write(WarningMessage message, WarningDialect dialect) => dialect switch
    {
        WarningDialect.Cap12 => CapWriter.Write(message),
        WarningDialect.Gb12379 => Gb12379Writer.Write(message),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Only CAP 1.2 and 12379 are written."),
    };
}
