namespace Warning.Engine.Dispatch;

/// <summary>
/// The exactly-once claim ledger. Claims and confirmations go in batches (one Redis round trip per batch,
/// never one per recipient). Implementations: Redis (shared by every node) and in-process (embedded profile).
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>
    /// Claims <paramref name="recipients"/> in <paramref name="scope"/> and writes, for each one at the same
    /// position, what it was before. Entries live for <paramref name="timeToLive"/> (tied to the warning's expiry).
    /// </summary>
    ValueTask ClaimAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, Memory<ClaimOutcome> outcomes,
        TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Marks claimed recipients as handed to the provider, so a re-run skips them.</summary>
    ValueTask ConfirmAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, CancellationToken cancellationToken);
}
