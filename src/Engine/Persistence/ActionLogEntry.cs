namespace Warning.Engine.Persistence;

/// <summary>One row of the append-only, hash-chained action log.</summary>
public sealed record ActionLogEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Target,
    string? Details,
    string PrevHash,
    string Hash);
