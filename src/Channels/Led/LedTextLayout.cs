using System.Globalization;

namespace Warning.Channels.Led;

/// <summary>
/// Lays a warning text out for a sign: lines no wider than <see cref="LedGeometry.Columns"/>, pages of
/// <see cref="LedGeometry.Lines"/> lines that the sign shows one after another. Every character is kept in order,
/// so the pages read back as the text; a line break in the text starts a new line and blank lines are dropped
/// (sign space is precious). Lines break between text elements (grapheme clusters), never inside a surrogate
/// pair or a combining sequence, and follow the Chinese line-breaking rule (避头尾): closing punctuation does not
/// start a line and an opening bracket does not end one — the character before moves down with it.
/// </summary>
internal static class LedTextLayout
{
    private const string NoLineStart = "，。、；：？！）》」』】〕〉”’…—·％,.;:?!)]}%";
    private const string NoLineEnd = "（《「『【〔〈“‘([{";

    public static string[][] Paginate(string text, LedGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!geometry.IsUsable)
        {
            throw new ArgumentOutOfRangeException(nameof(geometry), geometry, "A sign needs at least one line of one character.");
        }
        return [.. Wrap(text, geometry.Columns).Chunk(geometry.Lines)];
    }

    internal static List<string> Wrap(string text, int columns)
    {
        var lines = new List<string>();
        var line = new List<Element>();
        var used = 0;
        for (var i = 0; i < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(i));
            var span = text.AsSpan(i, length);
            if (span is "\n" or "\r" or "\r\n")
            {
                Emit(text, lines, line, line.Count);
                used = 0;
                i += length;
                continue;
            }
            var width = TextWidth.Of(span);
            if (used + width > columns && line.Count > 0)
            {
                var carry = Carry(text, line, span, width, columns);
                Emit(text, lines, line, line.Count - carry);
                used = line.Sum(e => e.Width);
            }
            line.Add(new Element(i, length, width));
            used += width;
            i += length;
        }
        Emit(text, lines, line, line.Count);
        return lines;
    }

    /// <summary>1 when the line's last element should move down with <paramref name="next"/> and both fit.</summary>
    private static int Carry(string text, List<Element> line, ReadOnlySpan<char> next, int nextWidth, int columns)
    {
        if (line.Count < 2)
        {
            return 0;
        }
        var last = line[^1];
        var lastSpan = text.AsSpan(last.Start, last.Length);
        var rule = IsOneOf(next, NoLineStart) || IsOneOf(lastSpan, NoLineEnd);
        return rule && last.Width + nextWidth <= columns ? 1 : 0;
    }

    private static bool IsOneOf(ReadOnlySpan<char> element, string set) => element.Length == 1 && set.Contains(element[0]);

    /// <summary>Writes the first <paramref name="count"/> elements as a line and keeps the rest for the next one.</summary>
    private static void Emit(string text, List<string> lines, List<Element> line, int count)
    {
        if (count > 0)
        {
            var end = line[count - 1].Start + line[count - 1].Length;
            lines.Add(text[line[0].Start..end]);
        }
        line.RemoveRange(0, count);
    }

    private readonly record struct Element(int Start, int Length, int Width);
}
