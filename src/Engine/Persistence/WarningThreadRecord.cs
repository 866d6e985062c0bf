namespace Warning.Engine.Persistence;

public sealed record WarningThreadRecord(
    string Id, string State, string? EventCode, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
