using Warning.Channels.BroadcastPlatform;

namespace Warning.Channels.Tests.BroadcastPlatform;

public sealed class EbmComposerTests
{
    [Theory]
    [InlineData("440105", "440105000000")]
    [InlineData("440105001", "440105001000")]
    [InlineData(" 440105001002 , 440106 ", "440105001002,440106000000")]
    public void ParseAreaGroup_AdminCodes_PaddedToTwelveDigits(string address, string expected) =>
        Assert.Equal(expected, string.Join(',', EbmComposer.ParseAreaGroup(address)!));

    [Theory]
    [InlineData("")]
    [InlineData("4401")]
    [InlineData("44010500100")]
    [InlineData("440105,abc")]
    [InlineData("１２３４５６")]
    public void ParseAreaGroup_NotAdminCodes_Null(string address) => Assert.Null(EbmComposer.ParseAreaGroup(address));

    [Fact]
    public void EbmId_SameVersionAndArea_SameIdDatedByTheGbIdentifier()
    {
        var later = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var first = EbdIds.EbmId("123", EbSamples.FirstId, "440105001", later);
        Assert.Equal(first, EbdIds.EbmId("123", EbSamples.FirstId, "440105001", later.AddDays(3)));
        Assert.Matches("^12320260720[0-9]{4}$", first);
        Assert.NotEqual(first, EbdIds.EbmId("123", EbSamples.FirstId, "440105002", later));
    }

    [Fact]
    public void NewEbdId_TwoCalls_DifferentIdsOfTenPlusSourcePlusSixteenDigits()
    {
        var a = EbdIds.NewEbdId("4401");
        Assert.Matches("^104401[0-9]{16}$", a);
        Assert.NotEqual(a, EbdIds.NewEbdId("4401"));
    }
}
