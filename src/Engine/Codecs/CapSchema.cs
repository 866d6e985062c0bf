using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Warning.Engine.Codecs;

/// <summary>The OASIS CAP 1.2 schema, embedded in the assembly, loaded once and never resolving anything.</summary>
internal static class CapSchema
{
    public const string ResourceName = "Warning.Engine.Codecs.cap12.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // XmlSchemaSet documents no thread safety for its instance members, so validations take turns.
    // A CAP message validates in well under a millisecond; the lock costs nothing that matters.
    private static readonly Lock Gate = new();

    public static void Validate(XDocument document, List<ValidationIssue> issues)
    {
        var schemas = Schemas.Value;
        lock (Gate)
        {
            document.Validate(schemas, (sender, e) => issues.Add(ToIssue(sender, e)));
        }
    }

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = XmlReader.Create(stream, SafeXml.CreateReaderSettings());
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(XmlSchema.Read(reader, null)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is not a schema."));
        set.Compile();
        return set;
    }

    private static ValidationIssue ToIssue(object? sender, ValidationEventArgs e)
    {
        var element = sender as XElement ?? (sender as XAttribute)?.Parent;
        var path = element is null ? "/" : CapPaths.Of(element);
        if (sender is XAttribute attribute)
        {
            path += "/@" + attribute.Name.LocalName;
        }
        var line = sender is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : e.Exception?.LineNumber ?? 0;
        var where = line > 0 ? $"Line {line}: " : string.Empty;
        var severity = e.Severity == XmlSeverityType.Warning ? IssueSeverity.Warning : IssueSeverity.Error;
        return new ValidationIssue(path, IssueCodes.Schema, $"{where}{e.Message}", severity);
    }
}
