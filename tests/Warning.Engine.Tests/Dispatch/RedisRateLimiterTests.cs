using StackExchange.Redis;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.Redis;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Dispatch;

[Trait("Category", "Integration")]
public sealed class RedisRateLimiterTests : RateLimiterContractTests, IAsyncDisposable
{
    private readonly string _prefix = RedisServer.UniquePrefix("rate");
    private readonly List<ConnectionMultiplexer> _connections = [];

    protected override TimeProvider Clock => TimeProvider.System;

    protected override TimeSpan MeasureFor => TimeSpan.FromSeconds(1);

    protected override async Task<IRateLimiter[]> CreateNodesAsync(int count)
    {
        var nodes = new IRateLimiter[count];
        for (var i = 0; i < count; i++)
        {
            var redis = await RedisServer.ConnectAsync();
            _connections.Add(redis);
            nodes[i] = new RedisRateLimiter(redis, _prefix);
        }
        return nodes;
    }

    protected override Task AdvanceAsync(TimeSpan span) => Task.Delay(span, Token);

    protected override ValueTask TickAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var redis in _connections)
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task AcquireAsync_Bucket_ExpiresOnceItWouldBeFullAgain()
    {
        var redis = await RedisServer.ConnectAsync();
        _connections.Add(redis);
        var limiter = new RedisRateLimiter(redis, _prefix);
        var key = NewKey();

        await limiter.AcquireAsync(key, new TokenBucketSpec(10, 20, 0), 1, DispatchPriority.Urgent, Token);

        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync($"{_prefix}{{{key}}}");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }
}
