using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class DirectoryRulesTests
{
    [Theory]
    [InlineData("zhang.wei@yjj.qinglan.example")]
    [InlineData("duty+flood@qinglan.gov.cn")]
    [InlineData("a@b.xn--fiqs8s")]
    public void IsEmailAddress_WellFormed_True(string email)
    {
        Assert.True(DirectoryRules.IsEmailAddress(email));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zhang.wei")]
    [InlineData("zhang wei@qinglan.example")]
    [InlineData("zhang@@qinglan.example")]
    [InlineData("@qinglan.example")]
    [InlineData("zhang@localhost")]
    [InlineData(".zhang@qinglan.example")]
    [InlineData("zhang..wei@qinglan.example")]
    [InlineData("zhang@-qinglan.example")]
    [InlineData("张伟@青岚.中国")]
    [InlineData("zhang@qinglan.example,li@qinglan.example")]
    public void IsEmailAddress_Malformed_False(string email)
    {
        Assert.False(DirectoryRules.IsEmailAddress(email));
    }

    [Fact]
    public void IsEmailAddress_LocalPartOver64_False()
    {
        Assert.True(DirectoryRules.IsEmailAddress(new string('a', 64) + "@qinglan.example"));
        Assert.False(DirectoryRules.IsEmailAddress(new string('a', 65) + "@qinglan.example"));
    }

    [Theory]
    [InlineData("zhangwei", true)]
    [InlineData("off-440199001-1", true)]
    [InlineData("Zhang.Wei@qinglan_2", true)]
    [InlineData("_zhang", false)]
    [InlineData("@all", false)]
    [InlineData("zhang|li", false)]
    [InlineData("张伟", false)]
    [InlineData("", false)]
    public void IsWeComUserId_FollowsWeComRule(string userId, bool expected)
    {
        Assert.Equal(expected, DirectoryRules.IsWeComUserId(userId));
    }

    [Fact]
    public void IsWeComUserId_Over64Characters_False()
    {
        Assert.True(DirectoryRules.IsWeComUserId(new string('a', 64)));
        Assert.False(DirectoryRules.IsWeComUserId(new string('a', 65)));
    }

    [Theory]
    [InlineData("duty-room", true)]
    [InlineData("city_platform.v2", true)]
    [InlineData("duty:room", false)]
    [InlineData("值班室", false)]
    [InlineData(" duty-room", false)]
    public void IsEndpointName_AConfigurationKey(string name, bool expected)
    {
        Assert.Equal(expected, DirectoryRules.IsEndpointName(name));
    }

    [Theory]
    [InlineData("440199001", "440199001", true)]
    [InlineData("440199001001,440199001002", "440199001", true)]
    [InlineData("440199001", "440199", true)]
    [InlineData("440199002", "440199001", false)]
    [InlineData("440199", "440199001", false)]
    [InlineData("440199001,", "440199001", false)]
    [InlineData("4401990", "440199", false)]
    public void IsBroadcastRegion_CodesInsideTheArea(string address, string area, bool expected)
    {
        Assert.Equal(expected, DirectoryRules.IsBroadcastRegion(address, area));
    }

    [Theory]
    [InlineData(AudienceChannels.Sms, "duty-room", "channel")]
    [InlineData(AudienceChannels.Email, "duty@qinglan.example", "channel")]
    [InlineData(AudienceChannels.WeComRobot, "duty room", "address")]
    [InlineData(AudienceChannels.Webhook, "", "address")]
    [InlineData(AudienceChannels.BroadcastPlatform, StreetB, "address")]
    public void TryAdd_BadEndpoint_RefusedWithField(string channel, string address, string field)
    {
        var builder = CreateBuilder();

        var added = builder.TryAdd(new Endpoint { Id = "e", Channel = channel, Address = address, AreaCode = StreetA }, out _, out var error);

        Assert.False(added);
        Assert.Equal(field, error!.Field);
    }

    [Theory]
    [InlineData("not-an-address", null, "email")]
    [InlineData(null, "@all", "wecom_userid")]
    public void TryAdd_PersonWithMalformedAddress_RefusedWithField(string? email, string? weComUserId, string field)
    {
        var builder = CreateBuilder();

        var added = builder.TryAdd(PersonAt("p", CommunityA1) with { Email = email, WeComUserId = weComUserId }, out _, out var error);

        Assert.False(added);
        Assert.Equal(field, error!.Field);
    }
}
