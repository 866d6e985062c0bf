namespace Warning.Engine.Persistence;

/// <summary>
/// A warning thread as the sign-off workflow stores it: a few columns to list and filter by, and the whole
/// thread as a <see cref="Snapshot"/> (JSON). <see cref="Revision"/> counts saves; a save names the revision it
/// read, and loses if someone saved in between.
/// </summary>
public sealed record WorkflowRecord(
    string ThreadId,
    string DepartmentId,
    string State,
    string Status,
    int? Level,
    string? EventCode,
    string? Headline,
    string? PendingState,
    long Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Snapshot);
