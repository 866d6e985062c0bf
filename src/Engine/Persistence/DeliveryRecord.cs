namespace Warning.Engine.Persistence;

/// <summary>
/// What the dispatch pipeline knows about one delivery at one moment. Writing it creates the delivery or
/// moves it forward; a record that would move it backwards (a late or reordered write) changes nothing.
/// </summary>
public readonly record struct DeliveryRecord(
    string VersionId,
    string RecipientId,
    string Channel,
    string? AreaCode,
    DeliveryState State,
    DateTimeOffset At,
    string? ProviderMessageId = null,
    string? Detail = null)
{
    public bool IsFinal => State >= DeliveryState.Delivered;

    internal long AtMs => At.ToUnixTimeMilliseconds();

    internal long? ClaimedAtMs => State == DeliveryState.Claimed ? AtMs : null;

    internal long? SubmittedAtMs => State == DeliveryState.Submitted || (IsFinal && ProviderMessageId is not null) ? AtMs : null;

    internal long? CompletedAtMs => IsFinal ? AtMs : null;
}
