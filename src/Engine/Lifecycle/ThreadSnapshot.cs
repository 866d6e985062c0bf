using Warning.Engine.Alerts;

namespace Warning.Engine.Lifecycle;

/// <summary>
/// Everything a <see cref="WarningThread"/> knows, in a shape that can be stored and read back: the thread's state
/// and, per version, its content, workflow state and sign-off history. <see cref="WarningThread.Restore"/> turns it
/// back into a thread that enforces the same rules.
/// </summary>
public sealed record ThreadSnapshot(WarningThreadState State, IReadOnlyList<VersionSnapshot> Versions);

/// <summary>One version as stored: content, where it is in sign-off, and every step so far.</summary>
public sealed record VersionSnapshot(
    WarningMessage Content,
    VersionState State,
    string DraftedBy,
    string? ApprovedBy,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<VersionTransition> History);
