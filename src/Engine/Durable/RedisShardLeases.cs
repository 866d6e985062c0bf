using StackExchange.Redis;

namespace Warning.Engine.Durable;

/// <summary>
/// Shard leases in Redis, shared by every node: <c>{prefix}{version}:shard:{channel}:{index}:lease</c> holds the
/// owner with a PX expiry (SET NX to take, compare-and-extend / compare-and-delete scripts to renew and release);
/// <c>…:done</c> marks a finished shard. The hash tag keeps a version's keys in one Redis Cluster slot.
/// </summary>
public sealed class RedisShardLeases(IConnectionMultiplexer redis, string keyPrefix = "warning:") : IShardLeases
{
    private const string RenewScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";

    private const string ReleaseScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    public async Task<bool> TryAcquireAsync(ShardKey key, string owner, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var db = redis.GetDatabase();
        if (await db.StringSetAsync(Lease(key), owner, timeToLive, When.NotExists).ConfigureAwait(false))
        {
            return true;
        }
        // Taking over one's own lease (a retried job on the same node) is fine.
        return await db.StringGetAsync(Lease(key)).ConfigureAwait(false) == owner
            && await RenewAsync(key, owner, timeToLive, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RenewAsync(ShardKey key, string owner, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = await redis.GetDatabase().ScriptEvaluateAsync(RenewScript, [Lease(key)],
            [owner, (long)timeToLive.TotalMilliseconds]).ConfigureAwait(false);
        return (long)result == 1;
    }

    public Task ReleaseAsync(ShardKey key, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [Lease(key)], [owner]);
    }

    public Task MarkDoneAsync(ShardKey key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return redis.GetDatabase().StringSetAsync(Done(key), 1, timeToLive);
    }

    public async Task<bool> IsDoneAsync(ShardKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await redis.GetDatabase().KeyExistsAsync(Done(key)).ConfigureAwait(false);
    }

    private RedisKey Lease(ShardKey key) => $"{keyPrefix}{{{key.VersionId}}}:shard:{key.Channel}:{key.Index}:lease";

    private RedisKey Done(ShardKey key) => $"{keyPrefix}{{{key.VersionId}}}:shard:{key.Channel}:{key.Index}:done";
}
