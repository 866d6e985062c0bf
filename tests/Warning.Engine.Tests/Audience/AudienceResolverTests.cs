using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class AudienceResolverTests
{
    private static AudienceResolver CreateSut()
    {
        var builder = CreateBuilder();
        builder.Add(PersonAt("p", CommunityA1) with { WeChatOpenId = "oP", OptedOutChannels = [AudienceChannels.WeChat] });
        builder.Add(PersonAt("official", CommunityB1) with { Groups = [GroupCatalogue.Officials], WeComUserId = "official" });
        builder.Add(new Device { Id = "led", Kind = DeviceKind.LedSign, AreaCode = CommunityA1 });
        builder.Add(new Endpoint { Id = "region", Channel = AudienceChannels.BroadcastPlatform, Address = StreetA, AreaCode = StreetA });
        builder.Add(new Endpoint
        {
            Id = "robot",
            Channel = AudienceChannels.WeComRobot,
            Address = "duty-room",
            AreaCode = District,
            Groups = [GroupCatalogue.Officials],
            ReceivesSubareaWarnings = true,
        });
        var store = new DirectoryStore();
        store.Replace(builder);
        return new AudienceResolver(store, new ChannelPolicy(new ChannelPolicyOptions()));
    }

    private static WarningMessage Message(WarningLevel level, params string[] codes) =>
        ChannelPolicyTests.Message(level) with
        {
            Infos = [new WarningInfo
            {
                Event = "暴雨",
                Level = level,
                Description = "暴雨预警",
                Areas = [new TargetArea { AreaDesc = "青岚区", Geocodes = codes.Select(c => new NamedValue(TargetArea.AdminCodeName, c)).ToValueList() }],
            }],
        };

    [Fact]
    public void Resolve_OrangeWarning_EveryDefaultChannelWithOptOutsApplied()
    {
        var audience = CreateSut().Resolve(Message(WarningLevel.Orange, District));

        Assert.Equal(new ChannelPolicy(new ChannelPolicyOptions()).DefaultChannels(WarningLevel.Orange), audience.Channels.Select(c => c.Channel));
        Assert.Equal([2, 0, 1, 0, 1, 1, 1, 0, 0], audience.Channels.Select(c => c.Recipients.Count));
        Assert.Equal("暴雨预警", audience.Channels[0].Text.Text);
        Assert.Equal(6, audience.Total);
        Assert.Empty(audience.UnsupportedChannels);
    }

    [Fact]
    public void Resolve_RedWarning_OptOutsOverridden()
    {
        var audience = CreateSut().Resolve(Message(WarningLevel.Red, StreetA));

        Assert.Equal(1, audience.Channels.Single(c => c.Channel == AudienceChannels.WeChat).Recipients.Count);
    }

    [Fact]
    public void Resolve_GroupsAndUnsupportedChannel_Reported()
    {
        var message = Message(WarningLevel.Blue, District) with
        {
            Channels = [new ChannelDirective("sms"), new ChannelDirective("fax"), new ChannelDirective("wecom-robot")],
            TargetGroups = [GroupCatalogue.Officials],
        };

        var audience = CreateSut().Resolve(message);

        Assert.Equal(["fax"], audience.UnsupportedChannels);
        Assert.Equal([("sms", 1), ("wecom-robot", 1)], audience.Channels.Select(c => (c.Channel, c.Recipients.Count)));
    }

    [Fact]
    public void Resolve_CommunityWithNobody_StillReachesTheDistrictRobot()
    {
        var audience = CreateSut().Resolve(Message(WarningLevel.Blue, EmptyCommunity));

        Assert.Equal(1, audience.Total);
        Assert.Equal(1, audience.Channels.Single(c => c.Channel == AudienceChannels.WeComRobot).Recipients.Count);
    }

    [Fact]
    public void Resolve_AreaWithNobody_IsEmpty()
    {
        // The neighbouring district: nobody lives there, and the district robot does not hear of it.
        Assert.True(CreateSut().Resolve(Message(WarningLevel.Red, Neighbour)).IsEmpty);
    }

    [Fact]
    public void Resolve_UnknownArea_Throws()
    {
        Assert.Throws<AudienceTargetingException>(() => CreateSut().Resolve(Message(WarningLevel.Red, "440199005")));
    }
}
