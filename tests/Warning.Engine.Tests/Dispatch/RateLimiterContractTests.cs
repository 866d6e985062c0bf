using Warning.Engine.Dispatch;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>
/// What every <see cref="IRateLimiter"/> must do. A subclass supplies limiters that share buckets (one in-process
/// instance; separate Redis connections) and a clock: fake for in-process, real for Redis.
/// </summary>
public abstract partial class RateLimiterContractTests
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Limiters that share one set of buckets, each as a separate dispatcher would see it.</summary>
    protected abstract Task<IRateLimiter[]> CreateNodesAsync(int count);

    /// <summary>The clock the limiters refill by.</summary>
    protected abstract TimeProvider Clock { get; }

    /// <summary>Lets time pass: advances a fake clock, or waits on a real one.</summary>
    protected abstract Task AdvanceAsync(TimeSpan span);

    /// <summary>How long the concurrency measurement runs, on <see cref="Clock"/>.</summary>
    protected abstract TimeSpan MeasureFor { get; }

    /// <summary>Called between acquisitions of the concurrency measurement (a fake clock moves on here).</summary>
    protected abstract ValueTask TickAsync();

    protected async Task<IRateLimiter> CreateSutAsync() => (await CreateNodesAsync(1))[0];

    protected static string NewKey() => $"k-{Guid.NewGuid():N}";

    [Fact]
    public async Task AcquireAsync_WithinBurst_GrantsAll()
    {
        var limiter = await CreateSutAsync();

        var lease = await limiter.AcquireAsync(NewKey(), new TokenBucketSpec(1, 10, 0), 10, DispatchPriority.Routine, Token);

        Assert.Equal(new RateLease(10, TimeSpan.Zero), lease);
    }

    [Fact]
    public async Task AcquireAsync_BeyondBurst_GrantsTheRestLaterWithRetryAfter()
    {
        var limiter = await CreateSutAsync();
        var key = NewKey();
        var spec = new TokenBucketSpec(1, 10, 0);

        var first = await limiter.AcquireAsync(key, spec, 15, DispatchPriority.Urgent, Token);
        var second = await limiter.AcquireAsync(key, spec, 1, DispatchPriority.Urgent, Token);

        Assert.Equal(10, first.Granted);
        Assert.InRange(first.RetryAfter, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(5));
        Assert.Equal(0, second.Granted);
        Assert.InRange(second.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AcquireAsync_Routine_IsRefusedTheUrgentReserve()
    {
        var limiter = await CreateSutAsync();
        var key = NewKey();
        var spec = new TokenBucketSpec(0.001, 10, 0.2);

        var routine = await limiter.AcquireAsync(key, spec, 10, DispatchPriority.Routine, Token);
        var routineAgain = await limiter.AcquireAsync(key, spec, 1, DispatchPriority.Routine, Token);
        var urgent = await limiter.AcquireAsync(key, spec, 10, DispatchPriority.Urgent, Token);

        Assert.Equal(8, routine.Granted);
        Assert.Equal(0, routineAgain.Granted);
        Assert.True(routineAgain.RetryAfter > TimeSpan.Zero);
        Assert.Equal(2, urgent.Granted);
    }

    [Fact]
    public async Task AcquireAsync_Urgent_CanTakeTheWholeBurst()
    {
        var limiter = await CreateSutAsync();

        var lease = await limiter.AcquireAsync(NewKey(), new TokenBucketSpec(0.001, 10, 0.5), 10, DispatchPriority.Urgent, Token);

        Assert.Equal(10, lease.Granted);
    }

    [Fact]
    public async Task AcquireAsync_AfterTime_RefillsAtTheRateUpToBurst()
    {
        var limiter = await CreateSutAsync();
        var key = NewKey();
        var spec = new TokenBucketSpec(20, 5, 0);
        await limiter.AcquireAsync(key, spec, 5, DispatchPriority.Urgent, Token);

        await AdvanceAsync(TimeSpan.FromMilliseconds(160));
        var refilled = await limiter.AcquireAsync(key, spec, 5, DispatchPriority.Urgent, Token);
        await AdvanceAsync(TimeSpan.FromMilliseconds(300));
        var full = await limiter.AcquireAsync(key, spec, 50, DispatchPriority.Urgent, Token);

        Assert.InRange(refilled.Granted, 3, 5);
        Assert.Equal(5, full.Granted);
    }

    [Fact]
    public async Task AcquireAsync_DifferentKeys_AreIndependent()
    {
        var limiter = await CreateSutAsync();
        var spec = new TokenBucketSpec(0.001, 3, 0);
        var key = NewKey();
        await limiter.AcquireAsync(key, spec, 3, DispatchPriority.Urgent, Token);

        var other = await limiter.AcquireAsync(key + "b", spec, 3, DispatchPriority.Urgent, Token);

        Assert.Equal(3, other.Granted);
    }

    [Fact]
    public async Task AcquireAsync_InvalidSpecOrRequest_Throws()
    {
        var limiter = await CreateSutAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await limiter.AcquireAsync(NewKey(), new TokenBucketSpec(0, 1), 1, DispatchPriority.Urgent, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await limiter.AcquireAsync(NewKey(), new TokenBucketSpec(1, 1, 1), 1, DispatchPriority.Urgent, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await limiter.AcquireAsync(NewKey(), new TokenBucketSpec(1, 1), 0, DispatchPriority.Urgent, Token));
    }

    [Fact]
    public async Task AcquireAsync_ConcurrentLimiters_NeverGrantMoreThanBurstPlusRateTimesElapsed()
    {
        var nodes = await CreateNodesAsync(4);
        var key = NewKey();
        var spec = new TokenBucketSpec(200, 50, 0.2);
        var start = Clock.GetTimestamp();

        var totals = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var (granted, asked) = (0, 0);
            var priority = worker % 2 == 0 ? DispatchPriority.Urgent : DispatchPriority.Routine;
            while (Clock.GetElapsedTime(start) < MeasureFor)
            {
                var requested = 1 + worker % 3;
                granted += (await nodes[worker % nodes.Length].AcquireAsync(key, spec, requested, priority, Token)).Granted;
                asked += requested;
                await TickAsync();
            }
            return (granted, asked);
        })));
        var elapsed = Clock.GetElapsedTime(start);

        // The ceiling is the point; the floor only shows the bucket was used (a loaded test host may ask for little).
        var ceiling = spec.Burst + spec.RatePerSecond * elapsed.TotalSeconds;
        var granted = totals.Sum(t => t.granted);
        Assert.InRange(granted, Math.Min(spec.Burst, totals.Sum(t => t.asked)), ceiling);
    }
}
