using Warning.Engine.Alerts;

namespace Warning.Engine.Lifecycle;

public sealed partial class WarningThread
{
    /// <summary>Drafts an Update (level change, new text, new area, re-release) of this thread.</summary>
    public WarningVersion DraftUpdate(WarningMessage content, string actor)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        EnsureFollowUp(content, MessageType.Update);
        EnsureReleasable(content);
        return AddVersion(content, actor);
    }

    /// <summary>Drafts the Cancel (解除) of this thread; <paramref name="content"/>'s note must carry the reason.</summary>
    public WarningVersion DraftCancel(WarningMessage content, string actor)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        EnsureFollowUp(content, MessageType.Cancel);
        if (string.IsNullOrWhiteSpace(content.Note))
        {
            throw new LifecycleException(LifecycleRule.CancelWithoutReason,
                "A Cancel must say why the warning is lifted (note / 解除原因).");
        }
        return AddVersion(content, actor);
    }

    /// <summary>
    /// Marks the thread Expired when the version in force has passed its expiry time. Returns whether it did.
    /// A thread whose current version has no expiry stays in force until cancelled.
    /// </summary>
    public bool ExpireIfDue()
    {
        if (State != WarningThreadState.Active || Current is not { } current)
        {
            return false;
        }
        var expires = current.Content.Infos.Select(i => i.Expires).Where(e => e.HasValue).Max();
        if (expires is null || expires > _timeProvider.GetUtcNow())
        {
            return false;
        }
        State = WarningThreadState.Expired;
        current.AppendHistory(Step(LifecycleAction.Expire, "system"));
        return true;
    }

    private WarningVersion AddVersion(WarningMessage content, string actor)
    {
        if (Pending is { } pending)
        {
            throw new LifecycleException(LifecycleRule.PendingVersionExists,
                $"Version {pending.Id} is still in sign-off ({pending.State}); publish or withdraw it first.");
        }
        var version = new WarningVersion(content, Step(LifecycleAction.Draft, actor));
        _versions.Add(version);
        return version;
    }

    private void EnsureFollowUp(WarningMessage content, MessageType expected)
    {
        EnsureOpen();
        if (State != WarningThreadState.Active)
        {
            throw new LifecycleException(LifecycleRule.InvalidTransition,
                $"Thread {ThreadId} has not been released yet; edit its first version instead of drafting an {expected}.");
        }
        if (content.MsgType != expected)
        {
            throw new LifecycleException(LifecycleRule.WrongMessageType,
                $"Expected an {expected} message, got {content.MsgType}.");
        }
        if (!content.References.Any(r => r.Identifier == ThreadId))
        {
            throw new LifecycleException(LifecycleRule.MissingThreadReference,
                $"An {expected} must reference the thread's first release {ThreadId}.");
        }
        EnsureSameStatus(content);
        if (_versions.Any(v => v.Id == content.Identifier))
        {
            throw new LifecycleException(LifecycleRule.InvalidContent,
                $"Identifier {content.Identifier} is already used in this thread; every version needs its own.");
        }
    }

    private void EnsureOpen()
    {
        if (State is WarningThreadState.Cancelled or WarningThreadState.Expired)
        {
            throw new LifecycleException(LifecycleRule.ThreadClosed,
                $"Thread {ThreadId} is {State.ToString().ToLowerInvariant()}; it takes no further version. Issue a new warning.");
        }
    }

    private void EnsureSameStatus(WarningMessage content)
    {
        if (content.Status != Status)
        {
            throw new LifecycleException(LifecycleRule.StatusMismatch,
                $"This thread is {Status}; its versions must be {Status} too (got {content.Status}).");
        }
    }
}
