using System.Globalization;
using System.Text;

namespace Warning.Channels;

/// <summary>
/// Cutting text to a provider's limit without breaking a character: WeChat template fields count characters
/// (a surrogate pair or a combining sequence is one), WeCom counts UTF-8 bytes.
/// </summary>
public static class TextLimits
{
    private const char Ellipsis = '…';
    private const int EllipsisUtf8Bytes = 3;

    /// <summary>At most <paramref name="maxChars"/> text elements on one line, ending with "…" when cut.</summary>
    public static string FitChars(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var line = text.ReplaceLineEndings(" ").Trim();
        var info = new StringInfo(line);
        if (info.LengthInTextElements <= maxChars)
        {
            return line;
        }
        return info.SubstringByTextElements(0, maxChars - 1) + Ellipsis;
    }

    /// <summary>At most <paramref name="maxBytes"/> UTF-8 bytes, ending with "…" when cut; never splits a character.</summary>
    public static string FitUtf8Bytes(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, EllipsisUtf8Bytes);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }
        var budget = maxBytes - EllipsisUtf8Bytes;
        var result = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            budget -= Encoding.UTF8.GetByteCount(element);
            if (budget < 0)
            {
                break;
            }
            result.Append(element);
        }
        return result.Append(Ellipsis).ToString();
    }
}
