using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// Reads OASIS CAP 1.2, 1.1 and 1.0 into a <see cref="WarningMessage"/>. Lenient (by local name, in any
/// order) and never throws on bad input: every problem becomes a <see cref="ValidationIssue"/> with a
/// 1-based path such as <c>/alert/info[1]/area[2]/polygon[1]</c>. CAP 1.2 documents are also checked
/// against the OASIS schema, and every message against <see cref="WarningRules"/>.
/// </summary>
public static partial class CapReader
{
    private const string AlertPath = "/alert";

    /// <summary>Parses and maps CAP text; a document that cannot be parsed safely yields no message and one issue.</summary>
    public static ReadResult Read(string xml) => SafeXml.ReadWith(xml, null, Read);

    /// <summary>Parses and maps a CAP stream (encoding from its declaration or BOM); the stream is left open.</summary>
    public static ReadResult Read(Stream xml) => SafeXml.ReadWith(xml, null, Read);

    /// <summary>Maps an already parsed document (parse untrusted input with <see cref="SafeXml"/>).</summary>
    public static ReadResult Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        var dialect = root is null ? null : DetectDialect(root);
        if (root is null || dialect is null)
        {
            var name = root is null ? "(none)" : $"'{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'";
            return ReadResult.Failed(null, new ValidationIssue("/", IssueCodes.UnknownDialect,
                $"The root element {name} is not a CAP alert: expected 'alert' in the CAP 1.2, 1.1 or 1.0 namespace."));
        }
        var context = new CapReadContext(root.Name.Namespace, dialect.Value);
        var message = ReadAlert(root, context);

        // The schema runs only on a structurally sound document, so a missing element is reported once,
        // in our words, rather than again as the validator's "incomplete content".
        if (dialect == WarningDialect.Cap12 && !context.HasErrors)
        {
            CapSchema.Validate(document, context.Issues);
        }
        context.Issues.AddRange(WarningRules.Validate(message, AlertPath));
        return new ReadResult(message, dialect, context.Issues.ToValueList());
    }

    private static WarningDialect? DetectDialect(XElement root)
    {
        if (root.Name.LocalName != "alert")
        {
            return null;
        }
        return root.Name.NamespaceName switch
        {
            CapConventions.Cap12Namespace => WarningDialect.Cap12,
            CapConventions.Cap11Namespace => WarningDialect.Cap11,
            CapConventions.Cap10Namespace => WarningDialect.Cap10,
            _ => null,
        };
    }
}
