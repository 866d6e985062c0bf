using BenchmarkDotNet.Attributes;
using StackExchange.Redis;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Dispatch.Redis;

namespace Warning.Benchmarks;

/// <summary>
/// One claim of a batch of fresh recipients (the shard's first run): in-process bitmaps (the baseline) against the
/// Redis Lua bitmap script. Claims/s = BatchSize / Mean. Each invocation claims in a new scope, and each iteration
/// starts a new ledger and key prefix, so memory stays flat however long BenchmarkDotNet runs.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(256)]
public class LedgerBenchmarks
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private int[] _recipients = [];
    private ClaimOutcome[] _outcomes = [];
    private InProcessDeliveryLedger _inProcess = new(TimeProvider.System);
    private ConnectionMultiplexer? _redis;
    private RedisDeliveryLedger? _redisLedger;
    private int _version;

    [Params(1_000, 10_000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _recipients = Enumerable.Range(0, BatchSize).ToArray();
        _outcomes = new ClaimOutcome[BatchSize];
        _redis = BenchRedis.TryConnect();
    }

    [IterationSetup]
    public void StartIteration()
    {
        _inProcess = new InProcessDeliveryLedger(TimeProvider.System);
        _redisLedger = _redis is null ? null : new RedisDeliveryLedger(_redis, $"bench:{Guid.NewGuid():N}:");
    }

    [GlobalCleanup]
    public void Cleanup() => _redis?.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask InProcessClaim() => _inProcess.ClaimAsync(NextScope(), _recipients, _outcomes, Ttl, default);

    [Benchmark]
    public ValueTask RedisClaim() =>
        _redisLedger?.ClaimAsync(NextScope(), _recipients, _outcomes, Ttl, default) ?? ValueTask.CompletedTask;

    private LedgerScope NextScope() =>
        new("bench", (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture), "sms");
}
