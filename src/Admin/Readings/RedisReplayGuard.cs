using StackExchange.Redis;

namespace Warning.Admin.Readings;

/// <summary>Used signatures in Redis (SET NX with expiry), shared by every node behind the load balancer.</summary>
public sealed class RedisReplayGuard(IConnectionMultiplexer redis) : IReplayGuard
{
    public async ValueTask<bool> TryFirstUseAsync(string signature, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await redis.GetDatabase().StringSetAsync("warning:readings:seen:" + signature, 1, lifetime, When.NotExists);
    }
}
