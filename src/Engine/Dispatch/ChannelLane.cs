using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

/// <summary>One adapter batch waiting to be sent, and the run it belongs to.</summary>
internal readonly record struct LaneItem(DispatchRun Run, DeliveryBatch Batch);

/// <summary>
/// The queues and sender loops of one channel, shared by every dispatch on it: urgent batches (Orange, Red) are
/// always taken before routine ones, so a Red warning never waits behind a Blue fan-out of millions — only
/// behind the adapter calls already in flight. Both queues are bounded; producers wait when theirs is full.
/// </summary>
internal sealed class ChannelLane : IAsyncDisposable
{
    private readonly DispatchQueue<LaneItem> _urgent;
    private readonly DispatchQueue<LaneItem> _routine;
    private readonly Task[] _senders;

    public ChannelLane(IChannelAdapter adapter, int capacity, int senders, Func<IChannelAdapter, LaneItem, Task> send)
    {
        _urgent = new DispatchQueue<LaneItem>(capacity);
        _routine = new DispatchQueue<LaneItem>(capacity);
        _senders = new Task[senders];
        for (var i = 0; i < senders; i++)
        {
            _senders[i] = Task.Run(() => RunSenderAsync(adapter, send));
        }
    }

    /// <summary>Batches waiting in both queues (for the queue-depth gauge).</summary>
    public int Depth => _urgent.Count + _routine.Count;

    public ValueTask EnqueueAsync(LaneItem item, DispatchPriority priority, CancellationToken cancellationToken) =>
        (priority == DispatchPriority.Urgent ? _urgent : _routine).EnqueueAsync(item, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _urgent.Complete();
        _routine.Complete();
        await Task.WhenAll(_senders).ConfigureAwait(false);
    }

    private async Task RunSenderAsync(IChannelAdapter adapter, Func<IChannelAdapter, LaneItem, Task> send)
    {
        while (true)
        {
            if (_urgent.TryDequeue(out var item) || _routine.TryDequeue(out item))
            {
                await send(adapter, item).ConfigureAwait(false);
                continue;
            }
            var urgent = _urgent.WaitToDequeueAsync(CancellationToken.None).AsTask();
            var routine = _routine.WaitToDequeueAsync(CancellationToken.None).AsTask();
            await Task.WhenAny(urgent, routine).ConfigureAwait(false);
            if (urgent.IsCompleted && routine.IsCompleted && !await urgent.ConfigureAwait(false) && !await routine.ConfigureAwait(false))
            {
                return; // both queues completed and drained
            }
        }
    }
}
