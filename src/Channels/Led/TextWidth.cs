using System.Text;

namespace Warning.Channels.Led;

/// <summary>
/// Display width of one text element in half-width columns: 2 for East Asian Wide and Fullwidth characters (CJK
/// ideographs, kana, Hangul, fullwidth punctuation and forms, most emoji), 1 for everything else. .NET has no
/// East Asian Width table; these are the Unicode EastAsianWidth W/F blocks a warning text can contain.
/// </summary>
internal static class TextWidth
{
    public static int Of(ReadOnlySpan<char> element) =>
        Rune.DecodeFromUtf16(element, out var rune, out _) == System.Buffers.OperationStatus.Done && IsWide(rune.Value) ? 2 : 1;

    public static bool IsWide(int c) => c switch
    {
        >= 0x1100 and <= 0x115F => true,    // Hangul Jamo initials
        >= 0x2E80 and <= 0x303E => true,    // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」)
        >= 0x3041 and <= 0x33FF => true,    // kana, bopomofo, CJK compatibility
        >= 0x3400 and <= 0x4DBF => true,    // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true,    // CJK unified ideographs
        >= 0xA000 and <= 0xA4CF => true,    // Yi
        >= 0xAC00 and <= 0xD7A3 => true,    // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,    // CJK compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true,    // CJK compatibility forms
        >= 0xFF00 and <= 0xFF60 => true,    // fullwidth forms (，：！（）)
        >= 0xFFE0 and <= 0xFFE6 => true,    // fullwidth signs
        >= 0x1F300 and <= 0x1F64F => true,  // pictographs, emoticons
        >= 0x1F900 and <= 0x1F9FF => true,  // supplemental pictographs
        >= 0x20000 and <= 0x3FFFD => true,  // CJK extensions B–H
        _ => false,
    };
}
