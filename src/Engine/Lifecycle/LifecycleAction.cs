namespace Warning.Engine.Lifecycle;

/// <summary>What was done to a version; each one becomes an action-log entry.</summary>
public enum LifecycleAction
{
    Draft,
    Edit,
    Submit,
    Approve,
    Reject,
    Withdraw,
    Publish,
    Expire,
}

/// <summary>One step in a version's history: who did what, when, with an optional comment.</summary>
public sealed record VersionTransition(LifecycleAction Action, string Actor, DateTimeOffset At, string? Comment = null);
