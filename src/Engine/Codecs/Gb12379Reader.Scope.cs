using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Warning.Engine.Codecs;

public static partial class Gb12379Reader
{
    /// <summary>One element being read: finds its children in any order and records issues with their paths.</summary>
    private readonly record struct Scope(XElement Element, string Path, string Name, List<ValidationIssue> Issues)
    {
        public XElement? Child(string name) => Element.Element(name);

        /// <summary>The raw text of an optional child; "" stays "" (an empty note is still a note).</summary>
        public string? Text(string name) => Child(name)?.Value;

        /// <summary>The trimmed text of a child, null when absent or blank.</summary>
        public string? Trimmed(string name) => Text(name)?.Trim() is { Length: > 0 } text ? text : null;

        public string? Required(string name)
        {
            var text = Trimmed(name);
            if (text is null)
            {
                Issues.Add(Missing($"{Path}/{name}", name, Name));
            }
            return text;
        }

        /// <summary>An empty optional time element counts as absent (real feeds write &lt;onset/&gt;).</summary>
        public DateTimeOffset? Time(string name, bool required)
        {
            var text = required ? Required(name) : Trimmed(name);
            if (text is null)
            {
                return null;
            }
            if (TryParseTime(text, out var time, out var problem))
            {
                return time;
            }
            Issues.Add(new ValidationIssue($"{Path}/{name}", IssueCodes.InvalidDateTime, $"<{name}> \"{text}\" {problem}"));
            return null;
        }

        public T? Enum<T>(string name, bool required)
            where T : struct, Enum
        {
            var text = required ? Required(name) : Trimmed(name);
            if (text is null)
            {
                return null;
            }
            return ParseEnum<T>(text, $"{Path}/{name}", name);
        }

        public T? ParseEnum<T>(string text, string path, string name)
            where T : struct, Enum
        {
            if (TryParseName<T>(text, out var value))
            {
                return value;
            }
            Issues.Add(InvalidValue(path, name, text, System.Enum.GetNames<T>()));
            return null;
        }
    }

    private static ValidationIssue InvalidValue(string path, string name, string text, IEnumerable<string> allowed) =>
        new(path, IssueCodes.InvalidValue, $"<{name}> \"{text}\" is not one of {string.Join(", ", allowed)}.");

    /// <summary>Enum by name only, ignoring case (feeds write RED as well as Red); numbers are refused.</summary>
    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    private static bool TryParseTime(string text, out DateTimeOffset time, out string problem)
    {
        time = default;
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            problem = "is not a date-time like \"2024-06-01 08:30:00+08:00\".";
            return false;
        }
        var offset = match.Groups["offset"].Value;
        if (offset.Length == 0)
        {
            problem = "has no UTC offset; 12379 times must carry one, e.g. \"2024-06-01 08:30:00+08:00\".";
            return false;
        }
        offset = offset == "Z" ? "+00:00" : offset.Length == 5 ? offset.Insert(3, ":") : offset;
        var iso = $"{match.Groups["date"].Value}T{match.Groups["time"].Value}{offset}";
        problem = "is not a valid date-time (day, month, hour or offset out of range).";
        return DateTimeOffset.TryParseExact(iso, ["yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?)(?<offset>Z|[+-][0-9]{2}:?[0-9]{2})?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TimePattern();
}
