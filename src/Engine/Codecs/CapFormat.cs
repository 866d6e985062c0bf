using System.Globalization;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>CAP text forms of times and numbers, always with the invariant culture.</summary>
internal static class CapFormat
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
    ];

    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>CAP 1.2 form: yyyy-MM-ddTHH:mm:ss±hh:mm in the value's own offset; UTC is "-00:00" because CAP forbids "Z".</summary>
    public static string FormatDateTime(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset <= TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{value:yyyy-MM-dd'T'HH:mm:ss}{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }

    /// <summary>
    /// Parses a CAP time. Accepts 'T' or a space (12379) between date and time and fractional seconds.
    /// A trailing "Z" is parsed as UTC but <paramref name="usedZ"/> tells the caller to report it.
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value, out bool usedZ)
    {
        var trimmed = text.Trim();
        usedZ = trimmed.EndsWith('Z') || trimmed.EndsWith('z');
        if (usedZ)
        {
            trimmed = string.Concat(trimmed.AsSpan(0, trimmed.Length - 1), "+00:00");
        }
        return DateTimeOffset.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);

    public static bool TryParseLong(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static string FormatLong(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatPoint(GeoPoint point) => $"{FormatDecimal(point.Latitude)},{FormatDecimal(point.Longitude)}";
}
