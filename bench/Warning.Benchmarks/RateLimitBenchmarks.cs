using BenchmarkDotNet.Attributes;
using StackExchange.Redis;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Dispatch.Redis;

namespace Warning.Benchmarks;

/// <summary>
/// Per-recipient anti-harassment buckets, one token each for a batch of 1,000 recipients, and one account bucket
/// acquisition: in-process (the baseline) against the Redis Lua bucket scripts.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(256)]
public class RateLimitBenchmarks
{
    private static readonly TokenBucketSpec PerPerson = new(1_000, 1_000_000, 0);
    private static readonly TokenBucketSpec Account = new(1_000_000, 1_000_000);

    private readonly int[] _recipients = Enumerable.Range(0, 1_000).ToArray();
    private readonly bool[] _granted = new bool[1_000];
    private InProcessRateLimiter _inProcess = new(TimeProvider.System);
    private ConnectionMultiplexer? _redis;
    private RedisRateLimiter? _redisLimiter;

    [GlobalSetup]
    public void Setup() => _redis = BenchRedis.TryConnect();

    [IterationSetup]
    public void StartIteration()
    {
        _inProcess = new InProcessRateLimiter(TimeProvider.System);
        _redisLimiter = _redis is null ? null : new RedisRateLimiter(_redis, $"bench:{Guid.NewGuid():N}:");
    }

    [GlobalCleanup]
    public void Cleanup() => _redis?.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask InProcessAcquireEach1000() =>
        _inProcess.AcquireEachAsync("person:", _recipients, PerPerson, _granted, default);

    [Benchmark]
    public ValueTask RedisAcquireEach1000() =>
        _redisLimiter?.AcquireEachAsync("person:", _recipients, PerPerson, _granted, default) ?? ValueTask.CompletedTask;

    [Benchmark]
    public ValueTask<RateLease> InProcessAcquireAccount() =>
        _inProcess.AcquireAsync("sms-account", Account, 100, DispatchPriority.Routine, default);

    [Benchmark]
    public ValueTask<RateLease> RedisAcquireAccount() =>
        _redisLimiter?.AcquireAsync("sms-account", Account, 100, DispatchPriority.Routine, default)
        ?? ValueTask.FromResult(new RateLease(0, TimeSpan.Zero));
}
