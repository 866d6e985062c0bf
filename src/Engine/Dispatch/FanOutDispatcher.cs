using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Channels;
using Warning.Engine.Resilience;

namespace Warning.Engine.Dispatch;

/// <summary>
/// The fan-out core (design.md §2): for each shard, claim recipients in the dedup ledger in batches, drop the
/// ones already served or limited, address them, cut adapter batches, and queue them on the channel's lane,
/// where sender loops pace them through the provider bucket, re-check that the version is still current, and
/// call the adapter through its resilience pipeline. Every outcome is confirmed in the ledger and reported to
/// the sink. Everything inside a shard is in-process and batched: never a job or a round trip per recipient.
/// </summary>
public sealed partial class FanOutDispatcher : IAsyncDisposable
{
    private readonly ChannelAdapterRegistry _adapters;
    private readonly IDeliveryLedger _ledger;
    private readonly IRateLimiter _limiter;
    private readonly IVersionCurrency _currency;
    private readonly IDeliveryOutcomeSink _sink;
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ChannelPipelines _pipelines;
    private readonly ConcurrentDictionary<string, Lazy<ChannelLane>> _lanes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _pausedUntil = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public FanOutDispatcher(ChannelAdapterRegistry adapters, IDeliveryLedger ledger, IRateLimiter limiter,
        IVersionCurrency currency, IDeliveryOutcomeSink sink, DispatchOptions options, TimeProvider timeProvider,
        ILogger<FanOutDispatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_adapters, _ledger, _limiter, _currency, _sink, _options, _time) =
            (adapters, ledger, limiter, currency, sink, options, timeProvider);
        _logger = logger ?? NullLogger<FanOutDispatcher>.Instance;
        _pipelines = new ChannelPipelines(options, timeProvider, OnCircuitChange);
    }

    /// <summary>Adapter batches waiting on every channel (for the queue-depth gauge).</summary>
    public int QueueDepth => _lanes.Values.Where(l => l.IsValueCreated).Sum(l => l.Value.Depth);

    /// <summary>Whether this dispatcher has an adapter for <paramref name="channel"/> (else <see cref="DispatchAsync"/> throws).</summary>
    public bool CanSend(string channel) => _adapters.TryGet(channel, out _);

    /// <summary>Sends one shard and returns when every recipient in it has an outcome.</summary>
    public async Task<DispatchSummary> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var adapter = _adapters.Get(request.Channel);
        var lane = _lanes.GetOrAdd(adapter.Name, _ => new Lazy<ChannelLane>(() =>
            new ChannelLane(adapter, _options.QueueCapacity, _options.SendersPerChannel, SendAsync))).Value;
        var run = new DispatchRun(request, _time);
        try
        {
            await ProduceAsync(run, adapter, lane, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            run.BatchDone(); // the producer's own share: the run completes once its queued batches do
        }
        await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        return run.Summarise();
    }

    /// <summary>Stops taking work, lets queued batches finish, and waits for the sender loops.</summary>
    public async ValueTask DisposeAsync()
    {
        // A host stops it explicitly (to drain in order) and its container disposes it again: the second call is a no-op.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        foreach (var lane in _lanes.Values.Where(l => l.IsValueCreated))
        {
            await lane.Value.DisposeAsync().ConfigureAwait(false);
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
