using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class AudienceFilterTests
{
    private static RecipientDirectory CreateSut()
    {
        var builder = CreateBuilder();
        builder.Add(PersonAt("public-phone", CommunityA1));
        builder.Add(PersonAt("public-wechat", CommunityA1, phone: null) with { WeChatOpenId = "oABC" });
        builder.Add(PersonAt("official", CommunityA1) with
        {
            Groups = [GroupCatalogue.Officials],
            WeChatOpenId = "oOFF",
            WeComUserId = "zhang.wei",
            Email = "zhang.wei@yjj.qinglan.example",
        });
        builder.Add(PersonAt("volunteer", CommunityA2) with { Groups = [GroupCatalogue.Public, GroupCatalogue.Volunteers] });
        builder.Add(PersonAt("no-sms", CommunityA2) with { OptedOutChannels = [AudienceChannels.Sms] });
        builder.Add(new Device { Id = "led-1", Kind = DeviceKind.LedSign, AreaCode = CommunityA1, LedLines = 2, LedCharsPerLine = 16 });
        builder.Add(new Device { Id = "bc-1", Kind = DeviceKind.BroadcastTerminal, AreaCode = CommunityA2 });
        builder.Add(PersonAt("public-email", CommunityA2, phone: null) with { Email = "li@mail.qinglan.example" });
        builder.Add(PersonAt("no-email", CommunityA2, phone: null) with { Email = "wu@mail.qinglan.example", OptedOutChannels = [AudienceChannels.Email] });
        builder.Add(new Endpoint { Id = "region-a", Channel = AudienceChannels.BroadcastPlatform, Address = StreetA, AreaCode = StreetA });
        builder.Add(new Endpoint { Id = "robot", Channel = AudienceChannels.WeComRobot, Address = "duty-room", AreaCode = District, Groups = [GroupCatalogue.Officials] });
        builder.Add(new Endpoint { Id = "hook", Channel = AudienceChannels.Webhook, Address = "media-hub", AreaCode = District });
        return builder.Build();
    }

    private static string[] Resolve(RecipientDirectory directory, string channel, string[]? groups = null, bool ignoreOptOuts = false) =>
        Ids(directory, directory.Audience.Resolve(Query(channel, District) with
        {
            Groups = (groups ?? []).ToValueList(),
            IgnoreOptOuts = ignoreOptOuts,
        }));

    [Fact]
    public void Resolve_Sms_OnlyPeopleWithPhonesWhoDidNotOptOut()
    {
        Assert.Equal(["official", "public-phone", "volunteer"], Resolve(CreateSut(), AudienceChannels.Sms));
    }

    [Fact]
    public void Resolve_WeChat_OnlyPeopleWithOpenIds()
    {
        Assert.Equal(["official", "public-wechat"], Resolve(CreateSut(), AudienceChannels.WeChat));
    }

    [Fact]
    public void Resolve_Led_OnlyLedSigns()
    {
        Assert.Equal(["led-1"], Resolve(CreateSut(), AudienceChannels.Led));
    }

    [Fact]
    public void Resolve_Broadcast_OnlyBroadcastTerminals()
    {
        Assert.Equal(["bc-1"], Resolve(CreateSut(), AudienceChannels.Broadcast));
    }

    [Fact]
    public void Resolve_WeCom_OnlyPeopleWithUserIds()
    {
        Assert.Equal(["official"], Resolve(CreateSut(), AudienceChannels.WeCom));
    }

    [Fact]
    public void Resolve_Email_PeopleWithAddressesWhoDidNotOptOut()
    {
        Assert.Equal(["official", "public-email"], Resolve(CreateSut(), AudienceChannels.Email));
    }

    [Fact]
    public void Resolve_EmailOptOutAtOverrideLevel_Ignored()
    {
        Assert.Contains("no-email", Resolve(CreateSut(), AudienceChannels.Email, ignoreOptOuts: true));
    }

    [Theory]
    [InlineData(AudienceChannels.BroadcastPlatform, "region-a")]
    [InlineData(AudienceChannels.WeComRobot, "robot")]
    [InlineData(AudienceChannels.Webhook, "hook")]
    public void Resolve_EndpointChannel_OnlyEndpointsOnIt(string channel, string expected)
    {
        Assert.Equal([expected], Resolve(CreateSut(), channel));
    }

    [Fact]
    public void Resolve_IgnoreOptOuts_IncludesPeopleWhoOptedOut()
    {
        Assert.Contains("no-sms", Resolve(CreateSut(), AudienceChannels.Sms, ignoreOptOuts: true));
    }

    [Fact]
    public void Resolve_OfficialsGroup_OnlyOfficials()
    {
        Assert.Equal(["official"], Resolve(CreateSut(), AudienceChannels.Sms, [GroupCatalogue.Officials]));
    }

    [Fact]
    public void Resolve_SeveralGroups_AnyOfThem()
    {
        var ids = Resolve(CreateSut(), AudienceChannels.Sms, [GroupCatalogue.Officials, GroupCatalogue.Volunteers]);

        Assert.Equal(["official", "volunteer"], ids);
    }

    [Fact]
    public void Resolve_GroupNobodyIsIn_Empty()
    {
        Assert.Empty(Resolve(CreateSut(), AudienceChannels.Sms, [GroupCatalogue.RescueTeams]));
    }

    [Fact]
    public void Resolve_UnknownGroup_Throws()
    {
        var error = Assert.Throws<AudienceTargetingException>(() => Resolve(CreateSut(), AudienceChannels.Sms, ["pilots"]));

        Assert.Equal(AudienceProblem.UnknownGroup, Assert.Single(error.Problems).Code);
    }

    [Theory]
    [InlineData(AudienceChannels.Sms, "public-phone", "13800000000")]
    [InlineData(AudienceChannels.WeChat, "official", "oOFF")]
    [InlineData(AudienceChannels.Led, "led-1", "led-1")]
    [InlineData(AudienceChannels.Broadcast, "bc-1", "bc-1")]
    [InlineData(AudienceChannels.WeCom, "official", "zhang.wei")]
    [InlineData(AudienceChannels.Email, "official", "zhang.wei@yjj.qinglan.example")]
    [InlineData(AudienceChannels.BroadcastPlatform, "region-a", StreetA)]
    [InlineData(AudienceChannels.WeComRobot, "robot", "duty-room")]
    [InlineData(AudienceChannels.Webhook, "hook", "media-hub")]
    [InlineData("WEBHOOK", "hook", "media-hub")]
    public void TryGetAddress_ReachableRecipient_ReturnsAddress(string channel, string id, string expected)
    {
        var directory = CreateSut();
        Assert.True(directory.TryGetIndex(id, out var index));

        Assert.True(directory.TryGetAddress(index, channel, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData(AudienceChannels.WeChat, "public-phone")]
    [InlineData(AudienceChannels.Sms, "led-1")]
    [InlineData(AudienceChannels.Broadcast, "led-1")]
    [InlineData(AudienceChannels.WeCom, "public-phone")]
    [InlineData(AudienceChannels.Email, "public-wechat")]
    [InlineData(AudienceChannels.Webhook, "robot")]
    [InlineData(AudienceChannels.WeComRobot, "hook")]
    [InlineData(AudienceChannels.Sms, "region-a")]
    [InlineData(AudienceChannels.Broadcast, "region-a")]
    [InlineData("fax", "official")]
    public void TryGetAddress_ChannelWithoutAddress_ReturnsFalse(string channel, string id)
    {
        var directory = CreateSut();
        Assert.True(directory.TryGetIndex(id, out var index));

        Assert.False(directory.TryGetAddress(index, channel, out _));
    }
}
