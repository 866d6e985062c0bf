using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;

namespace Warning.Engine.Tests.Dispatch;

public sealed class InProcessRateLimiterTests : RateLimiterContractTests
{
    private readonly FakeTimeProvider _time = new();

    protected override TimeProvider Clock => _time;

    protected override TimeSpan MeasureFor => TimeSpan.FromSeconds(5);

    protected override Task<IRateLimiter[]> CreateNodesAsync(int count)
    {
        var limiter = new InProcessRateLimiter(_time);
        return Task.FromResult(Enumerable.Repeat<IRateLimiter>(limiter, count).ToArray());
    }

    protected override Task AdvanceAsync(TimeSpan span)
    {
        _time.Advance(span);
        return Task.CompletedTask;
    }

    protected override ValueTask TickAsync()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AcquireEachAsync_BucketsRefilledLongAgo_AreForgotten()
    {
        var limiter = new InProcessRateLimiter(_time);
        var spec = new TokenBucketSpec(1, 2, 0);
        await limiter.AcquireEachAsync("p", Enumerable.Range(0, 1_000).ToArray(), spec, new bool[1_000], Token);

        _time.Advance(TimeSpan.FromMinutes(1));
        await limiter.AcquireAsync("account", spec, 1, DispatchPriority.Urgent, Token);

        Assert.Equal(1, limiter.BucketCount);
    }
}
