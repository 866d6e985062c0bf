using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Warning.Engine.Tests.Codecs;

/// <summary>
/// Validates against the repository's cap12.xsd file (not the engine's embedded copy), so the writer is
/// checked by something other than the code under test.
/// </summary>
internal static class CapSchemaValidator
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static IReadOnlyList<string> Errors(string xml)
    {
        var errors = new List<string>();
        var document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        document.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(FindSchemaFile(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    }

    private static string FindSchemaFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Warning.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Engine", "Codecs", "Schemas", "cap12.xsd");
            }
        }
        throw new InvalidOperationException("Warning.sln not found above " + AppContext.BaseDirectory);
    }
}
