namespace Warning.Engine.Persistence;

/// <summary>
/// A provider's delivery receipt (DLR) for one submitted message, found by the id the provider gave it.
/// It may arrive before the submit response is recorded: it then waits, unmatched, until that lands.
/// </summary>
public readonly record struct ProviderReceipt(
    string Channel,
    string ProviderMessageId,
    DeliveryState State,
    DateTimeOffset ReceivedAt,
    string? Raw = null);
