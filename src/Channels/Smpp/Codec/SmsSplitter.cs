using System.Buffers.Binary;

namespace Warning.Channels.Smpp.Codec;

/// <summary>
/// Cuts a text into short messages: the GSM default alphabet when every character is in it (160 alone, 153 per
/// part), else UCS2 (70 alone, 67 per part). A part never ends between the two halves of a surrogate pair (CJK
/// Extension B, emoji) nor between a GSM escape and its character, so every part decodes on its own.
/// </summary>
internal static class SmsSplitter
{
    /// <summary>The parts of <paramref name="text"/>, or null when it needs more than <paramref name="maxParts"/>.</summary>
    public static SmsPart[]? Split(string text, bool useGsmWhereItFits, int maxParts = SmsDataCoding.MaxParts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxParts, SmsDataCoding.MaxParts);
        return useGsmWhereItFits && GsmAlphabet.TryCountSeptets(text, out var septets)
            ? SplitGsm(text, septets, maxParts)
            : SplitUcs2(text, maxParts);
    }

    private static SmsPart[]? SplitUcs2(string text, int maxParts)
    {
        if (text.Length <= SmsDataCoding.Ucs2Single)
        {
            return [new SmsPart(SmsDataCoding.Ucs2, 1, 1, Ucs2(text.AsSpan()))];
        }
        var bounds = new List<(int Start, int Length)>();
        for (var start = 0; start < text.Length;)
        {
            var end = Math.Min(start + SmsDataCoding.Ucs2PerPart, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
            {
                end--; // keep the pair together: this part carries 66 units
            }
            bounds.Add((start, end - start));
            if (bounds.Count > maxParts)
            {
                return null;
            }
            start = end;
        }
        return Parts(bounds, b => Ucs2(text.AsSpan(b.Start, b.Length)), SmsDataCoding.Ucs2);
    }

    private static SmsPart[]? SplitGsm(string text, int septets, int maxParts)
    {
        if (septets <= SmsDataCoding.GsmSingle)
        {
            return [new SmsPart(SmsDataCoding.Gsm, 1, 1, Gsm(text.AsSpan(), septets))];
        }
        var bounds = new List<(int Start, int Length, int Septets)>();
        int start = 0, used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cost = GsmAlphabet.SeptetsOf(text[i]);
            if (used + cost > SmsDataCoding.GsmPerPart)
            {
                bounds.Add((start, i - start, used));
                (start, used) = (i, 0);
            }
            used += cost;
        }
        bounds.Add((start, text.Length - start, used));
        return bounds.Count > maxParts
            ? null
            : Parts(bounds, b => Gsm(text.AsSpan(b.Start, b.Length), b.Septets), SmsDataCoding.Gsm);
    }

    private static SmsPart[] Parts<T>(List<T> bounds, Func<T, byte[]> encode, byte dataCoding)
    {
        var parts = new SmsPart[bounds.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new SmsPart(dataCoding, (byte)(i + 1), (byte)parts.Length, encode(bounds[i]));
        }
        return parts;
    }

    /// <summary>UTF-16BE unit by unit: UCS2 carries the units as they are, so a lone surrogate is not "repaired".</summary>
    private static byte[] Ucs2(ReadOnlySpan<char> text)
    {
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i * 2), text[i]);
        }
        return bytes;
    }

    private static byte[] Gsm(ReadOnlySpan<char> text, int septets)
    {
        var bytes = new byte[septets];
        GsmAlphabet.Encode(text, bytes);
        return bytes;
    }
}
