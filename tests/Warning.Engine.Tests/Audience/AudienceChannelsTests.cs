using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

public sealed class AudienceChannelsTests
{
    [Theory]
    [InlineData("sms")]
    [InlineData("wechat")]
    [InlineData("led")]
    [InlineData("broadcast")]
    [InlineData("broadcast-platform")]
    [InlineData("wecom")]
    [InlineData("wecom-robot")]
    [InlineData("email")]
    [InlineData("webhook")]
    [InlineData("WeCom-Robot")]
    public void IsKnown_EveryProductChannel_True(string channel)
    {
        Assert.True(AudienceChannels.IsKnown(channel));
    }

    [Theory]
    [InlineData("fax")]
    [InlineData("wecom-robots")]
    [InlineData("")]
    [InlineData(null)]
    public void IsKnown_OtherName_False(string? channel)
    {
        Assert.False(AudienceChannels.IsKnown(channel));
    }

    [Fact]
    public void All_NineChannels_EachWithItsOwnBit()
    {
        Assert.Equal(9, AudienceChannels.All.Count);
        Assert.Equal(9, AudienceChannels.All.Select(AudienceChannels.BitOf).Distinct().Count(b => b != 0));
    }

    [Fact]
    public void PersonAndEndpointChannels_DisjointAndKnown()
    {
        Assert.Equal(["sms", "wechat", "wecom", "email"], AudienceChannels.PersonChannels);
        Assert.Equal(["broadcast-platform", "wecom-robot", "webhook"], AudienceChannels.EndpointChannels);
        Assert.All(AudienceChannels.PersonChannels, c => Assert.False(AudienceChannels.IsEndpointChannel(c)));
        Assert.All(AudienceChannels.EndpointChannels, c => Assert.False(AudienceChannels.IsPersonChannel(c)));
        Assert.False(AudienceChannels.IsPersonChannel(AudienceChannels.Led));
        Assert.False(AudienceChannels.IsEndpointChannel(AudienceChannels.Broadcast));
    }
}
