using System.Xml;
using System.Xml.Linq;

namespace Warning.Engine.Codecs;

/// <summary>
/// The one way the codecs parse XML. DTDs are prohibited (so no entity expansion, no XXE), no resolver
/// is set (so no file or network is ever read), and the document size is capped.
/// </summary>
public static class SafeXml
{
    /// <summary>Largest document accepted, in characters. Default: 1,048,576 (real CAP messages are a few kB).</summary>
    public const long DefaultMaxCharacters = 1024 * 1024;

    public static XmlReaderSettings CreateReaderSettings(long maxCharacters = DefaultMaxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Parses <paramref name="xml"/>, or returns the issue that stopped it.</summary>
    public static XDocument? TryLoad(string xml, out ValidationIssue? issue, long maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > maxCharacters)
        {
            issue = TooLarge(maxCharacters);
            return null;
        }
        using var text = new StringReader(xml);
        return TryLoad(text, out issue, maxCharacters);
    }

    /// <summary>Parses a stream (encoding from the XML declaration or BOM), or returns the issue that stopped it.</summary>
    public static XDocument? TryLoad(Stream xml, out ValidationIssue? issue, long maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return TryLoad(settings => XmlReader.Create(xml, settings), out issue, maxCharacters);
    }

    /// <summary>Parses text safely and hands the document to a dialect reader; a parse failure becomes the one issue.</summary>
    internal static ReadResult ReadWith(string xml, WarningDialect? dialect, Func<XDocument, ReadResult> read)
    {
        var document = TryLoad(xml, out var issue);
        return document is null ? ReadResult.Failed(dialect, issue!) : read(document);
    }

    /// <inheritdoc cref="ReadWith(string, WarningDialect?, Func{XDocument, ReadResult})"/>
    internal static ReadResult ReadWith(Stream xml, WarningDialect? dialect, Func<XDocument, ReadResult> read)
    {
        var document = TryLoad(xml, out var issue);
        return document is null ? ReadResult.Failed(dialect, issue!) : read(document);
    }

    private static XDocument? TryLoad(TextReader xml, out ValidationIssue? issue, long maxCharacters) =>
        TryLoad(settings => XmlReader.Create(xml, settings), out issue, maxCharacters);

    private static XDocument? TryLoad(Func<XmlReaderSettings, XmlReader> open, out ValidationIssue? issue, long maxCharacters)
    {
        try
        {
            using var reader = open(CreateReaderSettings(maxCharacters));
            issue = null;
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            issue = Classify(ex, maxCharacters);
            return null;
        }
    }

    private static ValidationIssue Classify(XmlException ex, long maxCharacters)
    {
        // XmlReader reports a prohibited DTD with this wording in every .NET version we run on;
        // the check is by message because XmlException has no error code.
        if (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return new ValidationIssue("/", IssueCodes.UnsafeXml,
                "The document contains a DTD (<!DOCTYPE>). DTDs and entity declarations are refused for security (XXE); " +
                "nothing was read from any file or address it names.");
        }
        if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal)
            || ex.Message.Contains("exceeds", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(maxCharacters);
        }
        return new ValidationIssue($"/ (line {ex.LineNumber}, position {ex.LinePosition})", IssueCodes.MalformedXml,
            $"The document is not well-formed XML: {ex.Message}");
    }

    private static ValidationIssue TooLarge(long maxCharacters) =>
        new("/", IssueCodes.TooLarge, $"The document is larger than the limit of {maxCharacters:N0} characters.");
}
