using Warning.Engine.Channels;
using Warning.Engine.Dispatch;

namespace Warning.Engine.Persistence;

/// <summary>
/// Connects the fan-out pipeline to the audit store: each batch of outcomes becomes a batch of delivery rows
/// for the <see cref="DeliveryBatchWriter"/>, whose bounded queue is the pipeline's back-pressure.
/// </summary>
public sealed class AuditOutcomeSink(DeliveryBatchWriter writer, Func<int, string> recipientId, TimeProvider timeProvider)
    : IDeliveryOutcomeSink
{
    public async ValueTask RecordAsync(DeliveryContent content, string channel, IReadOnlyList<DeliveryResult> results,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(results);
        var now = timeProvider.GetUtcNow();
        var rows = new DeliveryRecord[results.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var result = results[i];
            rows[i] = new DeliveryRecord(content.VersionId, recipientId(result.Recipient), channel, null, StateOf(result.Status),
                now, result.ProviderMessageId, result.Detail);
        }
        await writer.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Unknown stays Claimed: the provider may or may not have it, which is exactly what a claimed, unconfirmed
    /// delivery means; a later receipt or the Unknown policy moves it on.
    /// </summary>
    internal static DeliveryState StateOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => DeliveryState.Submitted,
        DeliveryStatus.Delivered => DeliveryState.Delivered,
        DeliveryStatus.Skipped => DeliveryState.Superseded,
        DeliveryStatus.Unknown => DeliveryState.Claimed,
        _ => DeliveryState.Failed,
    };
}
