using Warning.Engine.Alerts;

namespace Warning.Engine.Tests.Alerts;

public sealed class GbIdentifierTests
{
    private const string SenderCode = "44010641600000";

    [Fact]
    public void Parse_StandardForm_ReadsAllParts()
    {
        var id = GbIdentifier.Parse("44010641600000_20240601083000_3");

        Assert.Equal(SenderCode, id.SenderCode);
        Assert.Equal(new DateTime(2024, 6, 1, 8, 30, 0), id.BeijingTime);
        Assert.Equal(3, id.Sequence);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 30, 0, TimeSpan.Zero), id.SentAt);
        Assert.Equal(TimeSpan.FromHours(8), id.SentAt.Offset);
    }

    [Fact]
    public void Parse_PracticeFormWithoutSequence_HasNullSequence()
    {
        var id = GbIdentifier.Parse("41000041600000_20200204121842");

        Assert.Null(id.Sequence);
        Assert.Equal(new DateTimeOffset(2020, 2, 4, 12, 18, 42, TimeSpan.FromHours(8)), id.SentAt);
        Assert.Equal("41000041600000_20200204121842", id.ToString());
    }

    [Theory]
    [InlineData("44010641600000_20240601083000_0")]
    [InlineData("44010641600000_20241231235959_9")]
    [InlineData("44010641600000_20240229000000")]
    public void ToString_AfterParse_ReturnsTheSameText(string text)
    {
        Assert.Equal(text, GbIdentifier.Parse(text).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4401064160000_20240601083000_0")]
    [InlineData("440106416000001_20240601083000_")]
    [InlineData("4401064160000A_20240601083000_0")]
    [InlineData("44010641600000-20240601083000_0")]
    [InlineData("44010641600000_20241301083000_0")]
    [InlineData("44010641600000_20230229083000_0")]
    [InlineData("44010641600000_2024060108300X_0")]
    [InlineData("44010641600000_20240601083000_A")]
    [InlineData("44010641600000_20240601083000-0")]
    [InlineData("44010641600000_20240601083000_10")]
    [InlineData("44010641600000_+0240601083000_0")]
    [InlineData("urn:oid:2.49.0.1.156.0.2024.6.1")]
    public void TryParse_InvalidForm_ReturnsFalse(string? text)
    {
        Assert.False(GbIdentifier.TryParse(text, out _));
    }

    [Fact]
    public void Parse_InvalidForm_ThrowsFormatExceptionNamingTheText()
    {
        var ex = Assert.Throws<FormatException>(() => GbIdentifier.Parse("not-an-id"));
        Assert.Contains("not-an-id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UtcTime_ConvertsToBeijingTime()
    {
        var id = GbIdentifier.Create(SenderCode, new DateTimeOffset(2024, 6, 1, 0, 30, 0, TimeSpan.Zero), 0);

        Assert.Equal("44010641600000_20240601083000_0", id.ToString());
    }

    [Fact]
    public void Create_SubSecondTime_TruncatesToWholeSecondsAndRoundTrips()
    {
        var sent = new DateTimeOffset(2024, 6, 1, 23, 59, 59, 999, TimeSpan.FromHours(-5));

        var id = GbIdentifier.Create(SenderCode, sent, 7);

        Assert.Equal("44010641600000_20240602125959_7", id.ToString());
        Assert.Equal(id, GbIdentifier.Parse(id.ToString()));
    }

    [Theory]
    [InlineData("4401064160000")]
    [InlineData("440106416000000")]
    [InlineData("4401064160000X")]
    [InlineData("")]
    public void Create_InvalidSenderCode_Throws(string senderCode)
    {
        Assert.Throws<ArgumentException>(() => GbIdentifier.Create(senderCode, DateTimeOffset.UnixEpoch, 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Create_SequenceOutOfRange_Throws(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GbIdentifier.Create(SenderCode, DateTimeOffset.UnixEpoch, sequence));
    }

    [Theory]
    [InlineData("44010641600000", true)]
    [InlineData("4401064160000", false)]
    [InlineData("440106416000000", false)]
    [InlineData("4401064160000０", false)]
    [InlineData(null, false)]
    public void IsValidSenderCode_Text_ChecksFourteenAsciiDigits(string? text, bool expected)
    {
        Assert.Equal(expected, GbIdentifier.IsValidSenderCode(text));
    }
}
