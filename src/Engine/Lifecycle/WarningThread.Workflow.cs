using Warning.Engine.Alerts;

namespace Warning.Engine.Lifecycle;

public sealed partial class WarningThread
{
    /// <summary>Replaces the content of a version still being drafted (or sent back). Published versions never change.</summary>
    public void Edit(string versionId, WarningMessage content, string actor)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var version = GetVersion(versionId);
        if (version.State == VersionState.Published)
        {
            throw new LifecycleException(LifecycleRule.PublishedVersionImmutable,
                $"Version {versionId} is published and can never change; draft an Update instead.");
        }
        Require(version, LifecycleAction.Edit, VersionState.Draft, VersionState.Rejected);
        if (content.Identifier != version.Id || content.MsgType != version.Kind)
        {
            throw new LifecycleException(LifecycleRule.InvalidContent,
                "An edit keeps the version's identifier and message type.");
        }
        if (version.Kind == MessageType.Cancel && string.IsNullOrWhiteSpace(content.Note))
        {
            throw new LifecycleException(LifecycleRule.CancelWithoutReason, "A Cancel must keep its reason.");
        }
        if (_versions.Count > 1)
        {
            EnsureSameStatus(content);
        }
        if (version.Kind != MessageType.Cancel)
        {
            EnsureReleasable(content);
        }
        version.Replace(content, Step(LifecycleAction.Edit, actor));
    }

    public void Submit(string versionId, string actor)
    {
        var version = GetVersion(versionId);
        Require(version, LifecycleAction.Submit, VersionState.Draft, VersionState.Rejected);
        version.MoveTo(VersionState.Submitted, Step(LifecycleAction.Submit, actor));
    }

    /// <summary>Signs off a submitted version (审核签发). From the policy's level up, the drafter may not approve.</summary>
    public void Approve(string versionId, string approver, string? comment = null)
    {
        var version = GetVersion(versionId);
        Require(version, LifecycleAction.Approve, VersionState.Submitted);
        if (approver == version.DraftedBy && RequiresSecondPerson(version))
        {
            throw new LifecycleException(LifecycleRule.TwoPersonRule,
                $"A {version.Level} warning needs a second person's sign-off; {approver} drafted it.");
        }
        version.MoveTo(VersionState.Approved, Step(LifecycleAction.Approve, approver, comment));
    }

    public void Reject(string versionId, string approver, string comment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(comment);
        var version = GetVersion(versionId);
        Require(version, LifecycleAction.Reject, VersionState.Submitted);
        version.MoveTo(VersionState.Rejected, Step(LifecycleAction.Reject, approver, comment));
    }

    public void Withdraw(string versionId, string actor, string? comment = null)
    {
        var version = GetVersion(versionId);
        Require(version, LifecycleAction.Withdraw, VersionState.Draft, VersionState.Submitted,
            VersionState.Approved, VersionState.Rejected);
        version.MoveTo(VersionState.Withdrawn, Step(LifecycleAction.Withdraw, actor, comment));
    }

    /// <summary>Releases an approved version. An Update replaces the one in force; a Cancel closes the thread.</summary>
    public void Publish(string versionId, string actor)
    {
        var version = GetVersion(versionId);
        if (version.Kind != MessageType.Alert)
        {
            // The thread may have been cancelled or expired while this version waited for sign-off.
            EnsureOpen();
        }
        Require(version, LifecycleAction.Publish, VersionState.Approved);
        version.MoveTo(VersionState.Published, Step(LifecycleAction.Publish, actor));
        State = version.Kind == MessageType.Cancel ? WarningThreadState.Cancelled : WarningThreadState.Active;
    }

    private bool RequiresSecondPerson(WarningVersion version) =>
        version.Level is { } level && level >= _policy.TwoPersonRuleFrom
        || version.Kind == MessageType.Cancel && Current?.Level is { } current && current >= _policy.TwoPersonRuleFrom;

    private static void Require(WarningVersion version, LifecycleAction action, params VersionState[] allowed)
    {
        if (version.State == VersionState.Published)
        {
            throw new LifecycleException(LifecycleRule.PublishedVersionImmutable,
                $"Version {version.Id} is published; '{action}' is not possible any more.");
        }
        if (!allowed.Contains(version.State))
        {
            throw new LifecycleException(LifecycleRule.InvalidTransition,
                $"Cannot {action.ToString().ToLowerInvariant()} version {version.Id} while it is {version.State}; " +
                $"allowed from: {string.Join(", ", allowed)}.");
        }
    }
}
