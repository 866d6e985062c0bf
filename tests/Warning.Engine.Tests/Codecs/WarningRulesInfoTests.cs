using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class WarningRulesInfoTests
{
    private static readonly WarningMessage Valid = ChineseWarningSample.Create();

    private static WarningMessage WithInfo(Func<WarningInfo, WarningInfo> change) =>
        Valid with { Infos = [change(Valid.Infos[0])] };

    [Theory]
    [InlineData("zh_CN")]
    [InlineData("chinese-simplified-x")]
    [InlineData("")]
    public void Validate_BadLanguageTag_IsInvalidLanguage(string language)
    {
        var issue = Assert.Single(WarningRules.Validate(WithInfo(i => i with { Language = language })));

        Assert.Equal(IssueCodes.InvalidLanguage, issue.Code);
        Assert.Equal("/alert/info[1]/language", issue.Path);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-Hans-CN")]
    [InlineData(null)]
    public void Validate_GoodLanguageTag_HasNoIssue(string? language) =>
        Assert.Empty(WarningRules.Validate(WithInfo(i => i with { Language = language })));

    [Theory]
    [InlineData("11b03")]
    [InlineData("1B03")]
    [InlineData("11B034")]
    public void Validate_BadEventType_IsInvalidEventType(string eventType)
    {
        var issue = Assert.Single(WarningRules.Validate(WithInfo(i => i with { EventType = eventType })));

        Assert.Equal(IssueCodes.InvalidEventType, issue.Code);
    }

    [Theory]
    [InlineData("11B01")]
    [InlineData(null)]
    public void Validate_GoodOrNoEventType_HasNoIssue(string? eventType) =>
        Assert.Empty(WarningRules.Validate(WithInfo(i => i with { EventType = eventType })));

    [Fact]
    public void Validate_ExpiresBeforeEffective_IsInvalidValue()
    {
        var message = WithInfo(i => i with { Expires = i.Effective!.Value.AddMinutes(-1) });

        var issue = Assert.Single(WarningRules.Validate(message));

        Assert.Equal(IssueCodes.InvalidValue, issue.Code);
        Assert.Equal("/alert/info[1]/expires", issue.Path);
    }

    [Fact]
    public void Validate_ExpiresBeforeSentWithoutEffective_IsInvalidValue()
    {
        var message = WithInfo(i => i with { Effective = null, Expires = Valid.Sent.AddHours(-1) });

        var issue = Assert.Single(WarningRules.Validate(message));

        Assert.Equal(IssueCodes.InvalidValue, issue.Code);
    }

    [Fact]
    public void Validate_ExpiresAfterSentWithoutEffective_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(WithInfo(i => i with { Effective = null, Expires = Valid.Sent.AddHours(1) })));
}
