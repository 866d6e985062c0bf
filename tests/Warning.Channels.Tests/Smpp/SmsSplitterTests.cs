using System.Text;
using CsCheck;
using Warning.Channels.Smpp.Codec;

namespace Warning.Channels.Tests.Smpp;

public sealed class SmsSplitterTests
{
    /// <summary>Chinese, ASCII, GSM extension characters, CJK Extension B and emoji (both surrogate pairs).</summary>
    private static readonly Gen<string> MixedText = Gen.OneOf(
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.Char['\u4e00', '\u9fa5'].Select(c => c.ToString()),
            Gen.Char["{}[]€^ \n"].Select(c => c.ToString()),
            Gen.Int[0x20000, 0x2A6DF].Select(char.ConvertFromUtf32),
            Gen.Int[0x1F300, 0x1F5FF].Select(char.ConvertFromUtf32))
        .Array[0, 700].Select(string.Concat);

    private static readonly Gen<string> GsmText = Gen.String[Gen.Char["abcXYZ019 .,:@$_{}[]~|^€\\\n"], 0, 1200];

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(200, 3)]
    public void Split_ChineseText_UsesUcs2With67PerPart(int length, int parts)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('\u4e00' + (i % 500))));

        var split = SmsSplitter.Split(text, useGsmWhereItFits: true)!;

        Assert.Equal(parts, split.Length);
        Assert.All(split, p => Assert.Equal(SmsDataCoding.Ucs2, p.DataCoding));
        Assert.All(split, p => Assert.Equal((byte)parts, p.Total));
        Assert.Equal(Enumerable.Range(1, parts).Select(n => (byte)n), split.Select(p => p.Number));
        if (parts > 1)
        {
            Assert.All(split[..^1], p => Assert.Equal(67 * 2, p.Payload.Length));
        }
        Assert.Equal(text, Decode(split));
    }

    [Fact]
    public void Split_SurrogatePairAcrossTheBoundary_KeepsThePairInTheNextPart()
    {
        var text = new string('预', 66) + "𠀀" + new string('警', 10); // U+20000 occupies units 67 and 68

        var split = SmsSplitter.Split(text, true)!;

        Assert.Equal(66 * 2, split[0].Payload.Length);
        Assert.Equal("𠀀", Encoding.BigEndianUnicode.GetString(split[1].Payload.Span[..4]));
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Split_GsmText_Uses160Alone153PerPart(int length, int parts)
    {
        var text = new string('a', length);
        var split = SmsSplitter.Split(text, true)!;
        Assert.Equal(parts, split.Length);
        Assert.All(split, p => Assert.Equal(SmsDataCoding.Gsm, p.DataCoding));
        Assert.Equal(text, Decode(split));
    }

    [Fact]
    public void Split_GsmDisabled_SendsAsciiAsUcs2()
    {
        var split = SmsSplitter.Split("Typhoon warning", useGsmWhereItFits: false)!;
        Assert.Equal(SmsDataCoding.Ucs2, Assert.Single(split).DataCoding);
    }

    [Fact]
    public void Split_MorePartsThanAllowed_ReturnsNull()
    {
        Assert.Null(SmsSplitter.Split(new string('预', 671), true, maxParts: 10));
        Assert.Equal(10, SmsSplitter.Split(new string('预', 670), true, maxParts: 10)!.Length);
    }

    [Fact]
    public void Split_AnyUcs2Text_PartsFitNeverSplitAPairAndReassemble()
    {
        MixedText.Sample(text =>
        {
            var split = SmsSplitter.Split(text, true)!;
            if (split[0].DataCoding != SmsDataCoding.Ucs2)
            {
                return;
            }
            var limit = split.Length == 1 ? 70 : 67;
            foreach (var part in split)
            {
                Assert.InRange(part.Payload.Length / 2, 0, limit);
                var units = Encoding.BigEndianUnicode.GetString(part.Payload.Span);
                Assert.False(units.Length > 0 && char.IsHighSurrogate(units[^1]), "a part ends with half a surrogate pair");
                Assert.False(units.Length > 0 && char.IsLowSurrogate(units[0]), "a part starts with half a surrogate pair");
            }
            Assert.Equal(text, Decode(split));
        });
    }

    [Fact]
    public void Split_AnyGsmText_PartsFitNeverSplitAnEscapeAndReassemble()
    {
        GsmText.Sample(text =>
        {
            var split = SmsSplitter.Split(text, true)!;
            Assert.All(split, p => Assert.Equal(SmsDataCoding.Gsm, p.DataCoding));
            var limit = split.Length == 1 ? 160 : 153;
            Assert.All(split, p => Assert.InRange(p.Payload.Length, 0, limit));
            Assert.All(split, p => Assert.False(p.Payload.Length > 0 && p.Payload.Span[^1] == 0x1B, "a part ends with a lone escape"));
            Assert.Equal(text, Decode(split));
        });
    }

    [Fact]
    public void GsmAlphabet_ExtensionCharacters_TakeTwoSeptetsAndRoundTrip()
    {
        Assert.True(GsmAlphabet.TryCountSeptets("€{}@", out var septets));
        Assert.Equal(7, septets);
        var bytes = new byte[septets];
        GsmAlphabet.Encode("€{}@", bytes);
        Assert.Equal(new byte[] { 0x1B, 0x65, 0x1B, 0x28, 0x1B, 0x29, 0x00 }, bytes);
        Assert.Equal("€{}@", GsmAlphabet.Decode(bytes));
        Assert.False(GsmAlphabet.TryCountSeptets("暴雨", out _));
    }

    private static string Decode(SmsPart[] parts) =>
        string.Concat(parts.Select(p => p.DataCoding == SmsDataCoding.Ucs2
            ? Encoding.BigEndianUnicode.GetString(p.Payload.Span)
            : GsmAlphabet.Decode(p.Payload.Span)));
}
