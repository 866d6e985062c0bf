using System.Collections.Frozen;
using System.Text;

namespace Warning.Channels.Smpp.Codec;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1): the SMSC default
/// data_coding, which fits 160 Latin characters in one SMS where UCS2 fits 70. Extension characters take
/// two septets (escape 0x1B, then the code).
/// </summary>
internal static class GsmAlphabet
{
    private const byte Escape = 0x1B;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static readonly (char Char, byte Code)[] Extension =
        [('\f', 0x0A), ('^', 0x14), ('{', 0x28), ('}', 0x29), ('\\', 0x2F), ('[', 0x3C), ('~', 0x3D), (']', 0x3E), ('|', 0x40), ('€', 0x65)];

    /// <summary>char → code; an extension character's code has the escape in the high byte.</summary>
    private static readonly FrozenDictionary<char, ushort> Codes = BuildCodes();

    private static readonly FrozenDictionary<byte, char> ExtensionChars = Extension.ToFrozenDictionary(e => e.Code, e => e.Char);

    /// <summary>Septets the whole text needs, or false when a character is not in the alphabet.</summary>
    public static bool TryCountSeptets(string text, out int septets)
    {
        septets = 0;
        foreach (var c in text)
        {
            if (!Codes.TryGetValue(c, out var code))
            {
                return false;
            }
            septets += code > 0xFF ? 2 : 1;
        }
        return true;
    }

    /// <summary>1 or 2; only for characters <see cref="TryCountSeptets"/> accepted.</summary>
    public static int SeptetsOf(char c) => Codes[c] > 0xFF ? 2 : 1;

    /// <summary>Writes the characters unpacked, one septet per octet; returns the octets written.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        foreach (var c in text)
        {
            var code = Codes[c];
            if (code > 0xFF)
            {
                destination[written++] = Escape;
            }
            destination[written++] = (byte)code;
        }
        return written;
    }

    public static string Decode(ReadOnlySpan<byte> septets)
    {
        var text = new StringBuilder(septets.Length);
        for (var i = 0; i < septets.Length; i++)
        {
            var code = septets[i] & 0x7F;
            if (code == Escape && i + 1 < septets.Length)
            {
                // An unknown extension code shows as its basic character (TS 23.038's rule for receivers).
                var next = (byte)(septets[++i] & 0x7F);
                text.Append(ExtensionChars.TryGetValue(next, out var extended) ? extended : Basic[next]);
            }
            else
            {
                text.Append(code == Escape ? ' ' : Basic[code]);
            }
        }
        return text.ToString();
    }

    private static FrozenDictionary<char, ushort> BuildCodes()
    {
        var codes = new Dictionary<char, ushort>();
        for (var i = 0; i < Basic.Length; i++)
        {
            if (i != Escape)
            {
                codes[Basic[i]] = (ushort)i;
            }
        }
        foreach (var (c, code) in Extension)
        {
            codes[c] = (ushort)((Escape << 8) | code);
        }
        return codes.ToFrozenDictionary();
    }
}
