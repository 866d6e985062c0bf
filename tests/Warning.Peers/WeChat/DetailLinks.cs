namespace Warning.Peers.WeChat;

/// <summary>
/// Every WeChat-family message links the warning's public page "{site}/w/{identifier}"; the identifier is what the
/// counts API reports as the message's warning, since these APIs carry no thread or version of ours.
/// </summary>
internal static class DetailLinks
{
    private const string Marker = "/w/";

    public static string? Identifier(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var start = text.LastIndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += Marker.Length;
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('?' or '#' or '/'))
        {
            end++;
        }
        return end > start ? Uri.UnescapeDataString(text[start..end]) : null;
    }
}
