using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Tests.Audience;

namespace Warning.Engine.Tests.Issuing;

public sealed class JurisdictionTests
{
    private static IEnumerable<JurisdictionProblem> ChannelProblems(string allowed, string chosen)
    {
        var jurisdiction = new Jurisdiction { AreaCodes = ["440199"], Channels = [.. allowed.Split(',')] };
        var message = ChannelPolicyTests.Message(WarningLevel.Blue) with { Channels = [new ChannelDirective(chosen)] };
        return jurisdiction.Check(message).Where(p => p.Rule == JurisdictionRule.Channel);
    }

    [Theory]
    [InlineData("wecom", "wecom-robot")]
    [InlineData("broadcast", "broadcast-platform")]
    [InlineData("sms,wechat", "wecom")]
    public void Check_ChannelSharingOnlyAPrefixWithAnAllowedOne_Refused(string allowed, string chosen)
    {
        Assert.Single(ChannelProblems(allowed, chosen));
    }

    [Theory]
    [InlineData("wecom,wecom-robot", "wecom-robot")]
    [InlineData("sms,WeCom", "wecom")]
    [InlineData("*", "broadcast-platform")]
    public void Check_AllowedChannel_NoProblem(string allowed, string chosen)
    {
        Assert.Empty(ChannelProblems(allowed, chosen));
    }
}
