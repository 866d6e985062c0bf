using System.Collections.Concurrent;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;

namespace Warning.Engine.Issuing;

/// <summary>
/// The live progress of every fan-out this node runs, and the outcome sink that feeds it: it counts each batch
/// and passes it on to the real sink (the audit store's writer), so the bars and the audit trail see the same results.
/// </summary>
public sealed class PublicationBoard(IDeliveryOutcomeSink inner) : IDeliveryOutcomeSink
{
    private readonly ConcurrentDictionary<string, PublicationProgress> _versions = new(StringComparer.Ordinal);

    public PublicationProgress? Get(string versionId) => _versions.TryGetValue(versionId, out var p) ? p : null;

    public PublicationProgress Start(string threadId, string versionId, DateTimeOffset at) =>
        _versions.AddOrUpdate(versionId, _ => new PublicationProgress(threadId, versionId, at),
            (_, _) => new PublicationProgress(threadId, versionId, at));

    public async ValueTask RecordAsync(DeliveryContent content, string channel, IReadOnlyList<DeliveryResult> results,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(results);
        // Recorded first, counted after: a bar never shows a send the audit store could still lose.
        await inner.RecordAsync(content, channel, results, cancellationToken).ConfigureAwait(false);
        Get(content.VersionId)?.Channel(channel).Count(results);
    }
}
