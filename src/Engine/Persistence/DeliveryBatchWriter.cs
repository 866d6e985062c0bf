using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Dispatch;

namespace Warning.Engine.Persistence;

/// <summary>
/// Takes delivery batches from the dispatch pipeline and writes them to the audit store on one background
/// loop. The queue is bounded: when the store falls behind, <see cref="WriteAsync"/> waits. Batches waiting
/// together are merged into one transaction. Stopping drains the queue, so every accepted batch is written;
/// <see cref="BatchCommitted"/> reports each batch once its transaction has committed. With
/// <see cref="DeliveryBatchWriterOptions.ConcurrentTransactions"/> above 1, that many loops write at once.
/// </summary>
public sealed class DeliveryBatchWriter : IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly DeliveryBatchWriterOptions _options;
    private readonly ILogger _logger;
    private readonly DispatchQueue<(long Sequence, IReadOnlyList<DeliveryRecord> Rows)> _queue;
    private readonly Task _loop;
    private long _sequence;
    private long _batches;
    private long _rows;
    private int _runningLoops;

    public DeliveryBatchWriter(IAuditStore store, DeliveryBatchWriterOptions? options = null, ILogger<DeliveryBatchWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new DeliveryBatchWriterOptions();
        _logger = logger ?? NullLogger<DeliveryBatchWriter>.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ConcurrentTransactions, 1);
        _queue = new(_options.QueueCapacity, singleReader: _options.ConcurrentTransactions == 1);
        _runningLoops = _options.ConcurrentTransactions;
        _loop = Task.WhenAll(Enumerable.Range(0, _options.ConcurrentTransactions).Select(_ => Task.Run(RunAsync)));
    }

    /// <summary>
    /// Called on a writer loop with a batch's sequence number right after it commits (with several concurrent
    /// transactions: possibly out of order, and from more than one loop at a time).
    /// </summary>
    public event Action<long>? BatchCommitted;

    public long CommittedRows => Interlocked.Read(ref _rows);

    /// <summary>Accepts a batch (waiting while the queue is full) and returns its sequence number.</summary>
    public async ValueTask<long> WriteAsync(IReadOnlyList<DeliveryRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var sequence = Interlocked.Increment(ref _sequence);
        await _queue.EnqueueAsync((sequence, batch), cancellationToken).ConfigureAwait(false);
        return sequence;
    }

    /// <summary>Accepts no more batches and waits until every accepted one is written.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task RunAsync()
    {
        var pending = new List<(long Sequence, IReadOnlyList<DeliveryRecord> Rows)>();
        var merged = new List<DeliveryRecord>();
        // Writes are never cancelled: a batch that was accepted is written, also while stopping.
        while (await _queue.WaitToDequeueAsync(CancellationToken.None).ConfigureAwait(false))
        {
            pending.Clear();
            var rows = 0;
            while (rows < _options.MaxRowsPerTransaction && _queue.TryDequeue(out var item))
            {
                pending.Add(item);
                rows += item.Rows.Count;
            }

            if (pending.Count == 0)
            {
                continue; // another loop took it
            }

            var toWrite = pending.Count == 1 ? pending[0].Rows : Merge(pending, merged);
            try
            {
                await _store.RecordDeliveriesAsync(toWrite, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log.DeliveryWriteFailed(_logger, rows, e);
                _queue.Complete(e);
                throw;
            }

            Interlocked.Add(ref _rows, rows);
            foreach (var (sequence, _) in pending)
            {
                Interlocked.Increment(ref _batches);
                BatchCommitted?.Invoke(sequence);
            }
        }

        if (Interlocked.Decrement(ref _runningLoops) == 0)
        {
            Log.WriterStopped(_logger, Interlocked.Read(ref _batches), CommittedRows);
        }
    }

    private static List<DeliveryRecord> Merge(List<(long Sequence, IReadOnlyList<DeliveryRecord> Rows)> pending, List<DeliveryRecord> merged)
    {
        merged.Clear();
        foreach (var (_, rows) in pending)
        {
            merged.AddRange(rows);
        }

        return merged;
    }
}
