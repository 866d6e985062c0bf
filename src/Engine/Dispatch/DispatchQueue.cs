using System.Threading.Channels;

namespace Warning.Engine.Dispatch;

/// <summary>
/// A bounded in-process queue: the one place that touches System.Threading.Channels. With the default
/// <see cref="BoundedChannelFullMode.Wait"/>, a full queue makes the producer wait (back-pressure) instead of
/// buffering without limit or dropping.
/// </summary>
public sealed class DispatchQueue<T>
{
    private readonly Channel<T> _queue;

    public DispatchQueue(int capacity, BoundedChannelFullMode fullMode = BoundedChannelFullMode.Wait, bool singleReader = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = fullMode,
            SingleReader = singleReader,
        });
    }

    /// <summary>Items waiting to be read.</summary>
    public int Count => _queue.Reader.Count;

    /// <summary>Completes when the queue is completed and drained.</summary>
    public Task Completion => _queue.Reader.Completion;

    /// <summary>Waits while the queue is full; throws once the queue is completed.</summary>
    public ValueTask EnqueueAsync(T item, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(item, cancellationToken);

    public bool TryEnqueue(T item) => _queue.Writer.TryWrite(item);

    public bool TryDequeue(out T item) => _queue.Reader.TryRead(out item!);

    /// <summary>True when an item can be read; false once the queue is completed and empty.</summary>
    public ValueTask<bool> WaitToDequeueAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>No more items; readers drain what is left. An error is rethrown to later producers.</summary>
    public bool Complete(Exception? error = null) => _queue.Writer.TryComplete(error);
}
