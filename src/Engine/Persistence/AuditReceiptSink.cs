using Warning.Engine.Channels;

namespace Warning.Engine.Persistence;

/// <summary>Provider receipts straight into the audit store, which matches them to their deliveries.</summary>
public sealed class AuditReceiptSink(IAuditStore store) : IProviderReceiptSink
{
    public async ValueTask RecordAsync(IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken) =>
        await store.RecordReceiptsAsync(receipts, cancellationToken).ConfigureAwait(false);
}
