namespace Warning.Engine.Persistence;

/// <summary>One provider call for one delivery: its number (1, 2, …), when, and what came back.</summary>
public readonly record struct DeliveryAttempt(
    string VersionId,
    string RecipientId,
    string Channel,
    int Attempt,
    DateTimeOffset At,
    string Outcome,
    string? Detail = null);
