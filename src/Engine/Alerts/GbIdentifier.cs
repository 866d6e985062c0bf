using System.Globalization;

namespace Warning.Engine.Alerts;

/// <summary>
/// A GB/T 35965.1 identifier: <c>{14-digit senderCode}_{yyyyMMddHHmmss Beijing time}_{N}</c> (31 characters,
/// N = 0–9, the sequence within one unit and second). <see cref="Sequence"/> is null for the 29-character
/// form without <c>_N</c> that 12379 practice also uses. The time has whole-second precision.
/// </summary>
public readonly record struct GbIdentifier(string SenderCode, DateTime BeijingTime, int? Sequence)
{
    /// <summary>Length of the standard form with <c>_N</c>.</summary>
    public const int StandardLength = 31;

    /// <summary>Length of the practice form without <c>_N</c>.</summary>
    public const int PracticeLength = 29;

    private const int SenderCodeLength = 14;
    private const string TimeFormat = "yyyyMMddHHmmss";

    /// <summary>Beijing time is always UTC+08:00 (no daylight saving).</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>The time of the identifier as an instant, at +08:00.</summary>
    public DateTimeOffset SentAt => new(DateTime.SpecifyKind(BeijingTime, DateTimeKind.Unspecified), BeijingOffset);

    /// <summary>True when <paramref name="senderCode"/> is exactly 14 ASCII digits.</summary>
    public static bool IsValidSenderCode(string? senderCode) =>
        senderCode is { Length: SenderCodeLength } && IsAllDigits(senderCode);

    /// <summary>The identifier of a version sent at <paramref name="sent"/> (any offset; converted to Beijing time).</summary>
    public static GbIdentifier Create(string senderCode, DateTimeOffset sent, int sequence)
    {
        ArgumentNullException.ThrowIfNull(senderCode);
        if (!IsValidSenderCode(senderCode))
        {
            throw new ArgumentException($"A GB/T 35965.1 sender code has 14 digits; got \"{senderCode}\".", nameof(senderCode));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 9);
        var beijing = sent.ToOffset(BeijingOffset).DateTime;
        var wholeSeconds = new DateTime(beijing.Ticks - (beijing.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        return new GbIdentifier(senderCode, wholeSeconds, sequence);
    }

    public static bool TryParse(string? text, out GbIdentifier id)
    {
        id = default;
        if (text is not ({ Length: StandardLength } or { Length: PracticeLength }) || text[14] != '_')
        {
            return false;
        }
        var senderCode = text[..SenderCodeLength];
        if (!IsValidSenderCode(senderCode)
            || !IsAllDigits(text.AsSpan(15, TimeFormat.Length))
            || !DateTime.TryParseExact(text.AsSpan(15, TimeFormat.Length), TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var time))
        {
            return false;
        }
        int? sequence = null;
        if (text.Length == StandardLength)
        {
            if (text[29] != '_' || !char.IsAsciiDigit(text[30]))
            {
                return false;
            }
            sequence = text[30] - '0';
        }
        id = new GbIdentifier(senderCode, time, sequence);
        return true;
    }

    public static GbIdentifier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var id)
            ? id
            : throw new FormatException(
                $"\"{text}\" is not a GB/T 35965.1 identifier: expected {{14-digit sender code}}_{{yyyyMMddHHmmss Beijing time}}_{{N 0-9}} " +
                "(31 characters) or the 29-character form without _N.");
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    public override string ToString()
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"{SenderCode}_{BeijingTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}");
        return Sequence is { } n ? string.Create(CultureInfo.InvariantCulture, $"{head}_{n}") : head;
    }
}
