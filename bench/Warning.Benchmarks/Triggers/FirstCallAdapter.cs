using System.Collections.Concurrent;
using System.Diagnostics;
using Warning.Engine.Channels;

namespace Warning.Benchmarks.Triggers;

/// <summary>An SMS adapter that answers Sent and notes when the first call of each warning thread arrived.</summary>
internal sealed class FirstCallAdapter : IChannelAdapter
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _first = new(StringComparer.Ordinal);

    public string Name => "sms";

    public ChannelCapabilities Capabilities { get; } = new() { MaxBatchSize = 1000, MaxTextLength = 2000 };

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp of the thread's first adapter call.</summary>
    public Task<long> FirstCallOf(string threadId) => Slot(threadId).Task;

    public ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Slot(batch.Content.ThreadId).TrySetResult(Stopwatch.GetTimestamp());
        return ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([.. batch.Recipients.Select(r => DeliveryResult.Sent(r.Recipient))]);
    }

    private TaskCompletionSource<long> Slot(string threadId) =>
        _first.GetOrAdd(threadId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
