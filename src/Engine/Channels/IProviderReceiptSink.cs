using Warning.Engine.Persistence;

namespace Warning.Engine.Channels;

/// <summary>
/// Where an adapter hands the receipts that arrive after a send (SMPP delivery receipts, LED and broadcast device
/// acknowledgements). A receipt names the delivery by the <see cref="DeliveryResult.ProviderMessageId"/> the send
/// returned; the audit store matches it whichever of the two lands first.
/// </summary>
public interface IProviderReceiptSink
{
    /// <summary>Records receipts (final states only). Awaiting it is the adapter's back-pressure.</summary>
    ValueTask RecordAsync(IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken);
}
