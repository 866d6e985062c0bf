using StackExchange.Redis;

namespace Warning.Engine.Durable;

/// <summary>
/// <see cref="INamedLocks"/> shared by every node: <c>{prefix}lock:{name}</c> holds a random owner token with a PX
/// expiry (SET NX to take, compare-and-delete to let go, so a holder whose lock expired never frees the next one's).
/// A waiter polls every <see cref="PollInterval"/>: the sections are short and contention is rare (two nodes given
/// readings for one rule at the same moment), so polling costs less than a pub/sub channel per name.
/// </summary>
public sealed class RedisNamedLocks(IConnectionMultiplexer redis, TimeProvider timeProvider, string keyPrefix = "warning:") : INamedLocks
{
    private const string ReleaseScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    /// <summary>How long a lock outlives a holder that died without letting go. Default: 60 s.</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiter tries again. Default: 25 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(25);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        RedisKey key = $"{keyPrefix}lock:{name}";
        var owner = Guid.NewGuid().ToString("N");
        var db = redis.GetDatabase();
        while (!await db.StringSetAsync(key, owner, TimeToLive, When.NotExists).ConfigureAwait(false))
        {
            await Task.Delay(PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        return new Held(db, key, owner);
    }

    private sealed class Held(IDatabase db, RedisKey key, string owner) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await db.ScriptEvaluateAsync(ReleaseScript, [key], [owner]).ConfigureAwait(false);
            }
        }
    }
}
