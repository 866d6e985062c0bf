using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// State of one CAP read: the document's CAP namespace, its dialect and the issues found so far,
/// with the lenient lookups the reader maps with (by local name, in any order).
/// </summary>
internal sealed class CapReadContext(XNamespace capNamespace, WarningDialect dialect)
{
    public List<ValidationIssue> Issues { get; } = [];

    public WarningDialect Dialect => dialect;

    public bool HasErrors => Issues.Exists(i => i.Severity == IssueSeverity.Error);

    public void Report(string path, string code, string message, IssueSeverity severity = IssueSeverity.Error) =>
        Issues.Add(new ValidationIssue(path, code, message, severity));

    /// <summary>Children named <paramref name="localName"/> in the CAP namespace (or, leniently, in none).</summary>
    public IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName
            && (e.Name.Namespace == capNamespace || e.Name.Namespace == XNamespace.None));

    public XElement? Child(XElement parent, string localName) => Children(parent, localName).FirstOrDefault();

    /// <summary>The text of an optional element, kept exactly (an empty element is "", an absent one null).</summary>
    public string? Text(XElement parent, string localName) => Child(parent, localName)?.Value;

    /// <summary>The text of a required element, or "" after reporting it missing.</summary>
    public string Required(XElement parent, string path, string localName, string? after, string? expected = null)
    {
        var element = Child(parent, localName);
        if (element is not null)
        {
            return element.Value;
        }
        ReportMissing(path, localName, after, expected);
        return string.Empty;
    }

    public void ReportMissing(string parentPath, string localName, string? after, string? expected = null)
    {
        var parentName = parentPath[(parentPath.LastIndexOf('/') + 1)..].Split('[')[0];
        var where = after is null ? $"expected as the first child of '{parentName}'" : $"expected after '{after}'";
        var tail = expected is null ? "." : $": {expected}.";
        Report($"{parentPath}/{localName}", IssueCodes.MissingElement, $"Required element '{localName}' is missing ({where}){tail}");
    }

    public T RequiredEnum<T>(XElement parent, string path, string localName, string? after, T fallback)
        where T : struct, Enum
    {
        var element = Child(parent, localName);
        if (element is null)
        {
            ReportMissing(path, localName, after, "one of " + CapEnumNames.List<T>());
            return fallback;
        }
        return ParseEnum(element.Value, $"{path}/{localName}", fallback);
    }

    public T ParseEnum<T>(string text, string path, T fallback)
        where T : struct, Enum
    {
        if (CapEnumNames.TryParse(text.Trim(), out T value))
        {
            return value;
        }
        Report(path, IssueCodes.InvalidValue,
            $"'{text.Trim()}' is not a valid value here: use one of {CapEnumNames.List<T>()}.");
        return fallback;
    }

    public DateTimeOffset? Date(XElement parent, string path, string localName)
    {
        var element = Child(parent, localName);
        return element is null ? null : ParseDate(element.Value, $"{path}/{localName}");
    }

    public DateTimeOffset? ParseDate(string text, string path)
    {
        if (!CapFormat.TryParseDateTime(text, out var value, out var usedZ))
        {
            Report(path, IssueCodes.InvalidDateTime,
                $"'{text.Trim()}' is not a CAP date and time: write it as 2024-06-01T14:30:00+08:00.");
            return null;
        }
        if (usedZ)
        {
            Report(path, IssueCodes.InvalidDateTime, $"'{text.Trim()}' ends in 'Z', but CAP forbids 'Z'; write UTC as -00:00.");
        }
        return value;
    }

    public decimal? Decimal(XElement parent, string path, string localName)
    {
        var element = Child(parent, localName);
        if (element is null)
        {
            return null;
        }
        if (CapFormat.TryParseDecimal(element.Value, out var value))
        {
            return value;
        }
        Report($"{path}/{localName}", IssueCodes.InvalidValue, $"'{element.Value.Trim()}' is not a decimal number.");
        return null;
    }

    public ValueList<NamedValue> NamedValues(XElement parent, string path, string localName) =>
        Children(parent, localName).Select((e, i) => ReadNamedValue(e, $"{path}/{localName}[{i + 1}]")).ToValueList();

    private NamedValue ReadNamedValue(XElement element, string path) =>
        new(Required(element, path, "valueName", null), Required(element, path, "value", "valueName"));
}
