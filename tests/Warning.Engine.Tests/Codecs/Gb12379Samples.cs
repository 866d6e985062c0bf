using System.Xml.Linq;

namespace Warning.Engine.Tests.Codecs;

/// <summary>The 12379 sample documents in TestData/gb12379, as text or as a document to alter.</summary>
internal static class Gb12379Samples
{
    public const string RainstormUpdate = "rainstorm-update.xml";
    public const string GaleCancel = "gale-cancel.xml";

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "gb12379", name));

    public static XDocument Document(string name) => XDocument.Parse(Text(name));

    /// <summary>The sample with <paramref name="change"/> applied to its root, as text.</summary>
    public static string Altered(string name, Action<XElement> change)
    {
        var document = Document(name);
        change(document.Root!);
        return document.ToString();
    }
}
