namespace Warning.Engine.Lifecycle;

/// <summary>The rules the lifecycle enforces; each has a test that fails without it.</summary>
public enum LifecycleRule
{
    Unknown,

    /// <summary>The action is not allowed from the version's current state (e.g. publish before approval).</summary>
    InvalidTransition,

    /// <summary>A published version never changes.</summary>
    PublishedVersionImmutable,

    /// <summary>The message type does not fit the action (a first release must be an Alert, and so on).</summary>
    WrongMessageType,

    /// <summary>An Update or Cancel must reference the thread's first release.</summary>
    MissingThreadReference,

    /// <summary>A cancelled or expired thread takes no further version.</summary>
    ThreadClosed,

    /// <summary>A Cancel must carry its reason.</summary>
    CancelWithoutReason,

    /// <summary>Exercise and Test threads stay Exercise and Test; a real thread never turns into a drill.</summary>
    StatusMismatch,

    /// <summary>Only one version of a thread may be in the sign-off workflow at a time.</summary>
    PendingVersionExists,

    /// <summary>For the levels the policy names, the approver must not be the drafter.</summary>
    TwoPersonRule,

    /// <summary>The content is not a releasable warning (no info block, Draft status …).</summary>
    InvalidContent,
}
