using System.Collections.Concurrent;
using Warning.Engine.Channels;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>
/// A hand-written fake channel: records every call in order, can hold calls at a gate, and answers each
/// recipient through <see cref="Answer"/> (Sent by default).
/// </summary>
internal sealed class RecordingAdapter(string name = "sms", int maxBatchSize = 100) : IChannelAdapter
{
    private readonly ConcurrentDictionary<int, int> _sendsPerRecipient = new();

    public string Name => name;

    public ChannelCapabilities Capabilities { get; } = new() { MaxBatchSize = maxBatchSize };

    public ConcurrentQueue<DeliveryBatch> Calls { get; } = new();

    /// <summary>When set, each call waits for it (to build up a queue behind a busy channel).</summary>
    public SemaphoreSlim? Gate { get; set; }

    public Func<int, int, DeliveryResult> Answer { get; set; } = (recipient, _) => DeliveryResult.Sent(recipient);

    public int SendsTo(int recipient) => _sendsPerRecipient.GetValueOrDefault(recipient);

    public int TotalSends => _sendsPerRecipient.Values.Sum();

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Enqueue(batch);
        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }
        return [.. batch.Recipients.Select(r =>
        {
            var attempt = _sendsPerRecipient.AddOrUpdate(r.Recipient, 1, (_, n) => n + 1);
            return Answer(r.Recipient, attempt);
        })];
    }
}
