namespace Warning.Engine.Persistence;

/// <summary>One delivery as the audit review reads it. Times are Unix milliseconds (UTC), as stored.</summary>
public sealed record DeliveryView
{
    public string VersionId { get; init; } = "";

    public string RecipientId { get; init; } = "";

    public string Channel { get; init; } = "";

    public string? AreaCode { get; init; }

    public DeliveryState State { get; init; }

    public string? ProviderMessageId { get; init; }

    public long CreatedAtMs { get; init; }

    public long? ClaimedAtMs { get; init; }

    public long? SubmittedAtMs { get; init; }

    public long? CompletedAtMs { get; init; }

    public string? Detail { get; init; }
}
