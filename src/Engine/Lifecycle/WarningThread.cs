using Warning.Engine.Alerts;

namespace Warning.Engine.Lifecycle;

/// <summary>
/// A warning thread (预警事件): the first release and every Update and Cancel after it, with the rules
/// that keep them honest. Every refusal is a <see cref="LifecycleException"/> naming its
/// <see cref="LifecycleRule"/>. Not thread-safe: callers serialise access per thread (one SQL row lock).
/// </summary>
public sealed partial class WarningThread
{
    private readonly List<WarningVersion> _versions = [];
    private readonly TimeProvider _timeProvider;
    private readonly LifecyclePolicy _policy;

    private WarningThread(TimeProvider timeProvider, LifecyclePolicy policy)
    {
        _timeProvider = timeProvider;
        _policy = policy;
    }

    /// <summary>The identifier of the first release; Updates and Cancels reference it.</summary>
    public string ThreadId => _versions[0].Id;

    public WarningThreadState State { get; private set; } = WarningThreadState.Pending;

    /// <summary>Exercise, Test or Actual for the whole thread.</summary>
    public AlertStatus Status => _versions[0].Content.Status;

    public IReadOnlyList<WarningVersion> Versions => _versions;

    /// <summary>The latest published version, the one in force; null before the first release.</summary>
    public WarningVersion? Current => _versions.LastOrDefault(v => v.State == VersionState.Published);

    /// <summary>The version now in the sign-off workflow, if any.</summary>
    public WarningVersion? Pending => _versions.FirstOrDefault(v => v.State is VersionState.Draft
        or VersionState.Submitted or VersionState.Approved or VersionState.Rejected);

    /// <summary>Starts a thread with the draft of its first release, which must be an Alert.</summary>
    public static WarningThread StartDraft(WarningMessage content, string actor, TimeProvider timeProvider, LifecyclePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (content.MsgType != MessageType.Alert)
        {
            throw new LifecycleException(LifecycleRule.WrongMessageType,
                $"A thread's first release must be an Alert, not {content.MsgType}.");
        }
        EnsureReleasable(content);
        var thread = new WarningThread(timeProvider, policy ?? LifecyclePolicy.Default);
        thread._versions.Add(new WarningVersion(content, thread.Step(LifecycleAction.Draft, actor)));
        return thread;
    }

    public WarningVersion GetVersion(string versionId) =>
        _versions.FirstOrDefault(v => v.Id == versionId)
        ?? throw new KeyNotFoundException($"Thread {ThreadId} has no version '{versionId}'.");

    private VersionTransition Step(LifecycleAction action, string actor, string? comment = null) =>
        new(action, actor, _timeProvider.GetUtcNow(), comment);

    private static void EnsureReleasable(WarningMessage content)
    {
        if (content.Status == AlertStatus.Draft)
        {
            throw new LifecycleException(LifecycleRule.InvalidContent,
                "CAP status Draft means 'not actionable' and is never released; use Actual, Exercise or Test.");
        }
        if (content.Infos.Count == 0)
        {
            throw new LifecycleException(LifecycleRule.InvalidContent,
                "A warning needs at least one info block (event, level, text, area).");
        }
    }
}
