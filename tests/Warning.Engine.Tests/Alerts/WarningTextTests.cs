using Warning.Engine.Alerts;
using Warning.Engine.Tests.Lifecycle;

namespace Warning.Engine.Tests.Alerts;

public sealed class WarningTextTests
{
    [Fact]
    public void Headline_RedRainstorm_FollowsFormula()
    {
        Assert.Equal("海珠区应急管理局发布暴雨红色预警",
            WarningText.Headline("海珠区应急管理局", "暴雨", WarningLevel.Red, MessageType.Alert));
        Assert.Equal("海珠区应急管理局解除暴雨红色预警",
            WarningText.Headline("海珠区应急管理局", "暴雨", WarningLevel.Red, MessageType.Cancel));
    }

    [Theory]
    [InlineData(AlertStatus.Exercise, "【演练】")]
    [InlineData(AlertStatus.Test, "【测试】")]
    [InlineData(AlertStatus.Actual, "")]
    public void ForChannel_Status_IsMarkedOnEveryChannel(AlertStatus status, string mark)
    {
        var message = WarningSamples.Alert(status: status) with { Channels = [new ChannelDirective("SMS", "短信正文")] };
        Assert.Equal(mark + "短信正文", WarningText.ForChannel(message, "SMS"));
        Assert.Equal(mark + message.Infos[0].Description, WarningText.ForChannel(message, "LED"));
    }

    [Fact]
    public void LevelNames_AllLevels_MatchGbWording()
    {
        Assert.Equal("[IV级/一般]", WarningLevel.Blue.GradeSuffix());
        Assert.Equal("[I级/特别重大]", WarningLevel.Red.GradeSuffix());
        Assert.Equal(CapSeverity.Moderate, WarningLevel.Yellow.ToCapSeverity());
        Assert.Equal(WarningLevel.Orange, WarningLevels.FromCapSeverity(CapSeverity.Severe));
        Assert.Null(WarningLevels.FromCapSeverity(CapSeverity.Unknown));
    }

    [Fact]
    public void EventTypeCatalogue_CommonHazards_ArePresent()
    {
        foreach (var name in new[] { "暴雨", "台风", "大风", "洪水", "地质灾害", "高温", "寒潮", "大雾", "雷电", "冰雹",
                     "森林火灾", "地震", "危险化学品事故", "火灾", "道路交通事故", "传染病疫情" })
        {
            Assert.NotNull(EventTypeCatalogue.FindByChineseName(name));
        }
        Assert.True(EventTypeCatalogue.TryGet("11B03", out var rainstorm));
        Assert.Equal("暴雨", rainstorm.ChineseName);
        Assert.Equal(EventTypeCatalogue.All.Count, EventTypeCatalogue.All.Select(e => e.Code).Distinct().Count());
    }
}
