using System.Globalization;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// The text one channel sends, after <see cref="WarningText.ForChannel"/> and the channel's length limit.
/// <see cref="Truncated"/> flags a cut so the console can warn the issuer before release.
/// </summary>
public readonly record struct ChannelText(string Text, bool Truncated, int OriginalLength)
{
    /// <summary>
    /// Renders <paramref name="message"/> for <paramref name="channel"/>, choosing the info block in
    /// <paramref name="language"/> when there is one, and cuts it to <paramref name="maxLength"/> characters
    /// (never inside a surrogate pair), ending in <paramref name="mark"/>.
    /// </summary>
    public static ChannelText Render(WarningMessage message, string channel, int maxLength, string? language = null,
        string mark = "…")
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        ArgumentNullException.ThrowIfNull(mark);
        var text = WarningText.ForChannel(InLanguage(message, language), channel);
        if (text.Length <= maxLength)
        {
            return new ChannelText(text, false, text.Length);
        }
        var keep = Math.Max(0, maxLength - mark.Length);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }
        var cut = string.Concat(text.AsSpan(0, keep), mark.AsSpan(0, Math.Min(mark.Length, maxLength)));
        return new ChannelText(cut, true, text.Length);
    }

    private static WarningMessage InLanguage(WarningMessage message, string? language)
    {
        if (language is null || message.Infos.Count < 2)
        {
            return message;
        }
        var match = message.Infos.FirstOrDefault(i => i.Language is { } l && SameLanguage(l, language));
        return match is null || ReferenceEquals(match, message.Infos[0])
            ? message
            : message with { Infos = message.Infos.Where(i => !ReferenceEquals(i, match)).Prepend(match).ToValueList() };
    }

    private static bool SameLanguage(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Primary(a), Primary(b), StringComparison.OrdinalIgnoreCase);

    private static string Primary(string tag) => tag.Split('-')[0].ToLower(CultureInfo.InvariantCulture);
}
