using System.Text;

namespace Warning.Channels.WeChat;

/// <summary>
/// WeCom text content: title line, the warning text, and the detail link, within the byte limit (2048 UTF-8
/// bytes for application and robot text; a Chinese character is three). The text is cut, never the link.
/// </summary>
internal static class WeComText
{
    private const int MaxTitleLength = 64;

    public static string Compose(WarningSummary summary, string text, int maxBytes)
    {
        var head = TextLimits.FitChars(summary.Title, MaxTitleLength) + "\n";
        var tail = summary.DetailUrl is null ? "" : $"\n详情：{summary.DetailUrl.AbsoluteUri}";
        var budget = maxBytes - Encoding.UTF8.GetByteCount(head) - Encoding.UTF8.GetByteCount(tail);
        return TextLimits.FitUtf8Bytes(head + (budget > 3 ? TextLimits.FitUtf8Bytes(text, budget) : "") + tail, maxBytes);
    }
}
