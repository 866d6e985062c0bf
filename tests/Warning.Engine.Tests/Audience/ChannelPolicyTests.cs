using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

public sealed class ChannelPolicyTests
{
    private static ChannelPolicy CreateSut(ChannelPolicyOptions? options = null) => new(options ?? new ChannelPolicyOptions());

    internal static WarningMessage Message(WarningLevel? level, string description = "暴雨橙色预警：请注意防范。") => new()
    {
        Identifier = "44019941600000000001_20260701120000",
        Sender = "青岚区应急管理局",
        Sent = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.FromHours(8)),
        Infos = [new WarningInfo { Event = "暴雨", Level = level, Description = description }],
    };

    [Theory]
    [InlineData(WarningLevel.Blue, new[] { "sms", "wecom", "wecom-robot", "email", "webhook" })]
    [InlineData(WarningLevel.Yellow, new[] { "sms", "wechat", "wecom", "wecom-robot", "email", "webhook" })]
    [InlineData(WarningLevel.Orange, new[] { "sms", "wechat", "led", "broadcast", "broadcast-platform", "wecom", "wecom-robot", "email", "webhook" })]
    [InlineData(WarningLevel.Red, new[] { "sms", "wechat", "led", "broadcast", "broadcast-platform", "wecom", "wecom-robot", "email", "webhook" })]
    public void Plan_NoChannelsChosen_UsesLevelDefaults(WarningLevel level, string[] expected)
    {
        var plans = CreateSut().Plan(Message(level));

        Assert.Equal(expected, plans.Select(p => p.Channel));
    }

    [Fact]
    public void Plan_ChannelsChosenAndBlocked_UsesChosenMinusBlocked()
    {
        var message = Message(WarningLevel.Blue) with
        {
            Channels = [new ChannelDirective("LED"), new ChannelDirective("sms"), new ChannelDirective("wechat", null, [GroupCatalogue.Officials], [])],
            BlockedChannels = ["sms"],
            TargetGroups = [GroupCatalogue.Public],
        };

        var plans = CreateSut().Plan(message);

        Assert.Equal(["led", "wechat"], plans.Select(p => p.Channel));
        Assert.Equal([GroupCatalogue.Public], plans[0].Groups);
        Assert.Equal([GroupCatalogue.Officials], plans[1].Groups);
    }

    [Theory]
    [InlineData(WarningLevel.Orange, false)]
    [InlineData(WarningLevel.Red, true)]
    public void Plan_OptOutsIgnoredOnlyFromOverrideLevel(WarningLevel level, bool ignored)
    {
        Assert.All(CreateSut().Plan(Message(level)), p => Assert.Equal(ignored, p.IgnoreOptOuts));
    }

    [Fact]
    public void Plan_NoLevel_UsesLevelWhenMissing()
    {
        Assert.Equal(CreateSut().DefaultChannels(WarningLevel.Blue), CreateSut().Plan(Message(null)).Select(p => p.Channel));
    }

    [Fact]
    public void DefaultChannels_EveryLevel_OnlyChannelsTheDirectoryAddresses()
    {
        var sut = CreateSut();

        Assert.All(Enum.GetValues<WarningLevel>().SelectMany(sut.DefaultChannels), c => Assert.True(AudienceChannels.IsKnown(c), c));
    }

    [Fact]
    public void DefaultChannels_BroadcastPlatform_FromOrangeUp()
    {
        var sut = CreateSut();

        Assert.Equal([WarningLevel.Orange, WarningLevel.Red],
            Enum.GetValues<WarningLevel>().Where(l => sut.DefaultChannels(l).Contains(AudienceChannels.BroadcastPlatform)));
    }

    [Fact]
    public void MaxTextLength_EveryChannel_HasItsOwnDefault()
    {
        var options = new ChannelPolicyOptions();

        Assert.All(AudienceChannels.All, c => Assert.True(options.MaxTextLength.ContainsKey(c), c));
        Assert.Equal(580, CreateSut().MaxTextLength(AudienceChannels.WeComRobot));
    }

    [Fact]
    public void Plan_OptionsChangeDefaults_Followed()
    {
        var sut = CreateSut(new ChannelPolicyOptions { Blue = " wechat , led ", OptOutOverrideLevel = WarningLevel.Orange });

        Assert.Equal(["wechat", "led"], sut.Plan(Message(WarningLevel.Blue)).Select(p => p.Channel));
        Assert.True(sut.OverridesOptOuts(WarningLevel.Orange));
    }

    [Fact]
    public void RenderText_OverLimit_TruncatedAndFlagged()
    {
        var options = new ChannelPolicyOptions();
        options.MaxTextLength[AudienceChannels.Led] = 10;

        var text = CreateSut(options).RenderText(Message(WarningLevel.Red, "一二三四五六七八九十十一十二"), AudienceChannels.Led);

        Assert.True(text.Truncated);
        Assert.Equal("一二三四五六七八九…", text.Text);
        Assert.Equal(14, text.OriginalLength);
    }

    [Fact]
    public void RenderText_ExerciseWithinLimit_KeepsMarkUntouched()
    {
        var message = Message(WarningLevel.Red, "演练文本") with { Status = AlertStatus.Exercise };

        var text = CreateSut().RenderText(message, AudienceChannels.Sms);

        Assert.False(text.Truncated);
        Assert.Equal("【演练】演练文本", text.Text);
    }

    [Fact]
    public void Render_SurrogatePairAtCut_NotSplit()
    {
        var text = ChannelText.Render(Message(WarningLevel.Red, "ab😀cd"), AudienceChannels.Sms, 4);

        Assert.Equal("ab…", text.Text);
    }

    [Fact]
    public void Render_PersonLanguage_PicksMatchingInfo()
    {
        var message = Message(WarningLevel.Red) with
        {
            Infos = [new WarningInfo { Event = "暴雨", Language = "zh-CN", Description = "中文" }, new WarningInfo { Event = "Rain", Language = "en-US", Description = "English" }],
        };

        Assert.Equal("English", ChannelText.Render(message, AudienceChannels.Sms, 100, "en").Text);
        Assert.Equal("中文", ChannelText.Render(message, AudienceChannels.Sms, 100, "fr").Text);
    }
}
