using System.Globalization;
using CsCheck;
using Warning.Channels.Led;

namespace Warning.Channels.Tests.Led;

public sealed class LedTextLayoutTests
{
    // Every token the generator uses, with the width (half-width columns) a sign gives it, written down here
    // independently of TextWidth so the property checks the layout against its own expectation.
    private static readonly string[] Wide = ["暴", "雨", "预", "警", "转", "移", "，", "。", "：", "（", "）", "《", "》", "、", "😀", "𠀀"];
    private static readonly string[] Narrow = ["ｶ", "a", "Z", "0", "9", " ", ",", ".", "(", ")", "e\u0301", "\u00e9"];
    private static readonly Dictionary<string, int> Widths =
        Wide.Select(t => (t, 2)).Concat(Narrow.Select(t => (t, 1))).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal);

    private static readonly Gen<string> Text = Gen.OneOf<string>([.. Widths.Keys, "\n", "\r\n"]).Array[0, 120]
        .Select(tokens => string.Concat(tokens));

    private static readonly Gen<LedGeometry> Geometry = Gen.Select(Gen.Int[1, 4], Gen.Int[1, 16], (l, c) => new LedGeometry(l, c));

    [Fact]
    public void Paginate_AnyTextAndSign_PagesReadBackAsTextAndEveryPageFits()
    {
        Gen.Select(Text, Geometry).Sample((text, geometry) =>
        {
            var pages = LedTextLayout.Paginate(text, geometry);
            Assert.Equal(text.Replace("\r\n", "").Replace("\n", ""), string.Concat(pages.SelectMany(p => p)));
            Assert.All(pages, page =>
            {
                Assert.InRange(page.Length, 1, geometry.Lines);
                Assert.All(page, line =>
                {
                    Assert.InRange(WidthOf(line), 1, geometry.Columns);
                    Assert.False(char.IsLowSurrogate(line[0]) || char.IsHighSurrogate(line[^1]), $"split surrogate pair in '{line}'");
                    Assert.NotEqual('\u0301', line[0]);
                });
            });
            Assert.All(pages.SkipLast(1), page => Assert.Equal(geometry.Lines, page.Length));
        });
    }

    [Fact]
    public void Paginate_ClosingPunctuationAfterFullLine_TakesThePreviousCharacterDown()
    {
        var pages = LedTextLayout.Paginate("暴雨红色预警：请立即转移。", new LedGeometry(2, 12));
        Assert.Equal(["暴雨红色预警：请立即转", "移。"], Assert.Single(pages));
    }

    [Fact]
    public void Paginate_OpeningBracketAtLineEnd_MovesToNextLine()
    {
        var pages = LedTextLayout.Paginate("请注意防范《暴雨》", new LedGeometry(1, 6));
        Assert.Equal([["请注意防范"], ["《暴雨》"]], pages);
    }

    [Fact]
    public void Paginate_HalfWidthText_FitsTwoPerFullWidthCell()
    {
        var pages = LedTextLayout.Paginate("ABCDEFGHIJKLMNOPQRSTUVWXYZ", new LedGeometry(1, 12));
        Assert.Equal([["ABCDEFGHIJKLMNOPQRSTUVWX"], ["YZ"]], pages);
    }

    [Fact]
    public void Paginate_MoreLinesThanTheSignHas_PagesByLineCount()
    {
        var pages = LedTextLayout.Paginate("一二三四五六七八九十", new LedGeometry(2, 2));
        Assert.Equal([["一二", "三四"], ["五六", "七八"], ["九十"]], pages);
    }

    [Fact]
    public void Paginate_SurrogatePairsOnANarrowSign_KeepsEachPairWhole()
    {
        var pages = LedTextLayout.Paginate("预😀𠀀", new LedGeometry(1, 1));
        Assert.Equal([["预"], ["😀"], ["𠀀"]], pages);
    }

    [Fact]
    public void Paginate_LineBreaksInText_StartNewLinesAndDropBlankOnes()
    {
        var pages = LedTextLayout.Paginate("暴雨预警\n\r\n请转移", new LedGeometry(4, 12));
        Assert.Equal(["暴雨预警", "请转移"], Assert.Single(pages));
    }

    [Fact]
    public void Paginate_EmptyText_HasNoPages() => Assert.Empty(LedTextLayout.Paginate("", new LedGeometry(2, 12)));

    private static int WidthOf(string line)
    {
        var width = 0;
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            width += Widths[elements.GetTextElement()];
        }
        return width;
    }
}
