using System.Globalization;
using StackExchange.Redis;
using Warning.Channels.Sandbox;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Dispatch.Redis;
using Warning.Engine.Persistence;

namespace Warning.Benchmarks.FanOut;

/// <summary>The ledger, limiter, sandbox channels and delivery store a fan-out run uses, as the arguments choose.</summary>
internal sealed class FanOutBackends : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private readonly FanOutArguments _settings;
    private DeliveryBatchWriter? _writer;

    private FanOutBackends(FanOutArguments settings, IDeliveryLedger ledger, IRateLimiter limiter)
    {
        _settings = settings;
        Ledger = ledger;
        Limiter = limiter;
        Adapters = new ChannelAdapterRegistry(Enumerable.Range(0, settings.Channels).Select(c =>
            new SandboxChannelAdapter(new SandboxChannelOptions { Name = FanOutMacro.ChannelName(c), MaxBatchSize = settings.AdapterBatch },
                Recorder, TimeProvider.System)));
    }

    public SandboxRecorder Recorder { get; } = new();

    public IDeliveryLedger Ledger { get; }

    public IRateLimiter Limiter { get; }

    public ChannelAdapterRegistry Adapters { get; }

    /// <summary>Time taken to register the recipients with the store before the run (0 without a store).</summary>
    public double RegisterSeconds { get; private set; }

    /// <summary>Where delivery outcomes are persisted; null when the run writes nothing.</summary>
    public IDeliveryOutcomeSink? Sink { get; private set; }

    public static async Task<FanOutBackends> CreateAsync(FanOutArguments settings)
    {
        var backends = await CreateLedgerAsync(settings);
        if (settings.Store != "none")
        {
            var store = await BenchStores.CreateAsync(settings.Store);
            var writer = new DeliveryBatchWriter(store.Store, new DeliveryBatchWriterOptions { ConcurrentTransactions = settings.StoreWriters });
            // Directory ids are strings; building them is the directory's work, not the pipeline's, so not timed.
            // Registering them with the store is the directory import's work too (once per person, not per
            // warning): also done before the clock, and timed on its own (registerSeconds).
            var ids = Enumerable.Range(0, settings.Recipients).Select(r => r.ToString(CultureInfo.InvariantCulture)).ToArray();
            var registering = System.Diagnostics.Stopwatch.StartNew();
            await store.Store.RegisterRecipientsAsync(ids, CancellationToken.None);
            backends.RegisterSeconds = registering.Elapsed.TotalSeconds;
            backends.Sink = new AuditOutcomeSink(writer, r => r < ids.Length ? ids[r] : r.ToString(CultureInfo.InvariantCulture),
                TimeProvider.System);
            backends._writer = writer;
            backends._owned.Add(store);
        }
        return backends;
    }

    /// <summary>
    /// Cuts every Redis client connection (ours included) after <paramref name="afterMs"/>, as a network blip or a
    /// Redis failover would; returns how many were killed. StackExchange.Redis reconnects by itself.
    /// </summary>
    public async Task<long> CutRedisLaterAsync(int afterMs)
    {
        if (afterMs <= 0 || _settings.Ledger != "redis")
        {
            return 0;
        }
        await Task.Delay(afterMs);
        var endpoint = Environment.GetEnvironmentVariable("WARNING_REDIS") ?? "127.0.0.1:6379";
        await using var admin = await ConnectionMultiplexer.ConnectAsync(endpoint + ",allowAdmin=true");
        var killed = await admin.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
        return (long)killed;
    }

    /// <summary>Waits until every delivery handed to the store is committed (part of the measured time).</summary>
    public async Task FlushAsync()
    {
        if (_writer is not null)
        {
            await _writer.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<FanOutBackends> CreateLedgerAsync(FanOutArguments settings)
    {
        var time = TimeProvider.System;
        if (settings.Ledger == "inprocess")
        {
            return new FanOutBackends(settings, new InProcessDeliveryLedger(time), new InProcessRateLimiter(time));
        }
        if (settings.Ledger != "redis")
        {
            throw new ArgumentException($"--ledger must be inprocess or redis, not '{settings.Ledger}'.");
        }
        var endpoint = Environment.GetEnvironmentVariable("WARNING_REDIS") ?? "127.0.0.1:6379";
        var redis = await ConnectionMultiplexer.ConnectAsync(RedisConnections.Options(endpoint));
        // A fresh key prefix per run: a benchmark must never find an earlier run's claims.
        var prefix = $"bench:{Guid.NewGuid():N}:";
        var backends = new FanOutBackends(settings, new RedisDeliveryLedger(redis, prefix), new RedisRateLimiter(redis, prefix + "rate:"));
        backends._owned.Add(redis);
        return backends;
    }

    public FanOutDispatcher CreateDispatcher(IDeliveryOutcomeSink sink)
    {
        var options = new DispatchOptions { SendersPerChannel = _settings.Senders };
        foreach (var channel in Adapters.Names)
        {
            // A provider account far above the run's rate: every batch still takes its tokens from the shared
            // bucket (one limiter call per adapter batch), so the limiter's cost is in the figures.
            options.ProviderRates[channel] = new TokenBucketSpec(RatePerSecond: 50_000_000, Burst: 5_000_000);
        }
        return new(Adapters, Ledger, Limiter, new InProcessVersionCurrency(), sink, options, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
