using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class WarningRulesAlertTests
{
    private static readonly WarningMessage Valid = ChineseWarningSample.Create();

    [Fact]
    public void Validate_ValidMessage_HasNoIssues() => Assert.Empty(WarningRules.Validate(Valid));

    [Theory]
    [InlineData("id 1", "identifier")]
    [InlineData("id,1", "identifier")]
    [InlineData("id<1", "identifier")]
    [InlineData("a&b", "sender")]
    public void Validate_ForbiddenCharacter_IsInvalidIdentifier(string value, string field)
    {
        var message = field == "identifier" ? Valid with { Identifier = value } : Valid with { Sender = value };

        var issue = Assert.Single(WarningRules.Validate(message));

        Assert.Equal(IssueCodes.InvalidIdentifier, issue.Code);
        Assert.Equal($"/alert/{field}", issue.Path);
    }

    [Fact]
    public void Validate_IdentifierWithDotsAndAt_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(Valid with { Identifier = "tag:rfs.nsw.gov.au:40184", Sender = "cap@ec.gc.ca" }));

    [Fact]
    public void Validate_ReferenceToItself_IsCircularReference()
    {
        var message = Valid with { References = [new MessageReference(Valid.Sender, Valid.Identifier, Valid.Sent)] };

        var issue = Assert.Single(WarningRules.Validate(message));

        Assert.Equal(IssueCodes.CircularReference, issue.Code);
        Assert.Equal("/alert/references", issue.Path);
    }

    [Fact]
    public void Validate_ReferenceToSameIdentifierOfOtherSender_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(Valid with { References = [new MessageReference("other", Valid.Identifier, Valid.Sent)] }));

    [Fact]
    public void Validate_ReferenceSentLater_IsPostdatedWarning()
    {
        var message = Valid with { References = [new MessageReference(Valid.Sender, "earlier", Valid.Sent.AddMinutes(1))] };

        var issue = Assert.Single(WarningRules.Validate(message));

        Assert.Equal(IssueCodes.PostdatedReference, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Validate_ReferenceSentAtSameTime_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(Valid with { References = [new MessageReference(Valid.Sender, "earlier", Valid.Sent)] }));

    [Theory]
    [InlineData(AlertScope.Restricted, null, null, "/alert/restriction")]
    [InlineData(AlertScope.Private, null, null, "/alert/addresses")]
    [InlineData(AlertScope.Public, "officials only", null, "/alert/restriction")]
    [InlineData(AlertScope.Private, "officials only", "a b", "/alert/restriction")]
    public void Validate_ScopeWithoutItsField_IsScopeMismatch(AlertScope scope, string? restriction, string? addresses, string path)
    {
        var message = Valid with { Scope = scope, Restriction = restriction, Addresses = addresses };

        var issue = Assert.Single(WarningRules.Validate(message));

        Assert.Equal(IssueCodes.ScopeMismatch, issue.Code);
        Assert.Equal(path, issue.Path);
    }

    [Theory]
    [InlineData(AlertScope.Restricted, "officials only", null)]
    [InlineData(AlertScope.Private, null, "13800000000 \"duty officer\"")]
    [InlineData(AlertScope.Public, "", null)]
    public void Validate_ScopeWithItsField_HasNoIssue(AlertScope scope, string? restriction, string? addresses) =>
        Assert.Empty(WarningRules.Validate(Valid with { Scope = scope, Restriction = restriction, Addresses = addresses }));

    [Theory]
    [InlineData(MessageType.Update)]
    [InlineData(MessageType.Cancel)]
    public void Validate_UpdateOrCancelWithoutReferences_IsError(MessageType type)
    {
        var message = Valid with { MsgType = type, References = [], Note = "原因：降雨减弱" };

        var issue = Assert.Single(WarningRules.Validate(message));

        Assert.Equal("/alert/references", issue.Path);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
    }

    [Fact]
    public void Validate_CancelWithoutNote_IsWarning()
    {
        var issue = Assert.Single(WarningRules.Validate(Valid with { MsgType = MessageType.Cancel, Note = " " }));

        Assert.Equal("/alert/note", issue.Path);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Validate_CancelWithReferencesAndNote_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(Valid with { MsgType = MessageType.Cancel, Note = "原因：降雨减弱" }));

    [Fact]
    public void Validate_RootPath_PrefixesPaths()
    {
        var issue = Assert.Single(WarningRules.Validate(Valid with { Identifier = "a b" }, "/alertMessage"));

        Assert.Equal("/alertMessage/identifier", issue.Path);
    }
}
