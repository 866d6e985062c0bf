using System.Text;

namespace Warning.Channels.Tests;

public sealed class TextLimitsTests
{
    [Fact]
    public void FitChars_ShortText_Unchanged() => Assert.Equal("暴雨", TextLimits.FitChars("暴雨", 20));

    [Fact]
    public void FitChars_Newlines_BecomeSpaces() => Assert.Equal("暴雨 预警", TextLimits.FitChars("暴雨\n预警", 20));

    [Fact]
    public void FitChars_SurrogatePairAtTheCut_KeptWhole()
    {
        // "𠀀" is one character outside the BMP (two UTF-16 units): cutting must not split it.
        var fitted = TextLimits.FitChars("𠀀𠀀𠀀", 2);
        Assert.Equal("𠀀…", fitted);
    }

    [Fact]
    public void FitUtf8Bytes_ChineseText_StaysWithinBytesAndEndsWithEllipsis()
    {
        var fitted = TextLimits.FitUtf8Bytes(new string('雨', 100), 32);
        Assert.Equal(new string('雨', 9) + "…", fitted);
        Assert.Equal(30, Encoding.UTF8.GetByteCount(fitted));
    }
}
