using StackExchange.Redis;

namespace Warning.Channels.WeChat;

/// <summary>
/// Tokens shared by every node through Redis. A node that finds no usable token takes a short lock
/// (SET NX PX) and fetches; the others wait for the token to appear instead of calling the token endpoint, so
/// N nodes cost one call. The lock expires by itself if its holder dies.
/// </summary>
public sealed class RedisAccessTokenCache(IConnectionMultiplexer redis, RedisAccessTokenCacheOptions options, TimeProvider timeProvider)
    : IAccessTokenCache
{
    // Deletes the lock only if this node still owns it: after a slow fetch the lock may have passed to another node.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    public async ValueTask<string> GetAsync(string account, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        cancellationToken.ThrowIfCancellationRequested();
        var cached = await Redis(db => db.StringGetAsync(TokenKey(account))).ConfigureAwait(false);
        return cached.HasValue ? cached.ToString() : await FetchOnceAsync(account, rejected: null, fetch, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<string> RefreshAsync(string account, string rejected, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return FetchOnceAsync(account, rejected, fetch, cancellationToken);
    }

    private async ValueTask<string> FetchOnceAsync(string account, string? rejected, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        var tokenKey = TokenKey(account);
        var lockKey = (RedisKey)$"{tokenKey}:lock";
        var owner = Guid.NewGuid().ToString("N");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await UsableAsync(tokenKey, rejected).ConfigureAwait(false) is { } current)
            {
                return current;
            }
            var locked = await Redis(db => db.StringSetAsync(lockKey, owner, options.LockTime, When.NotExists)).ConfigureAwait(false);
            if (!locked)
            {
                // Another node is fetching: wait for its token rather than call the endpoint too.
                await Task.Delay(options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }
            try
            {
                if (await UsableAsync(tokenKey, rejected).ConfigureAwait(false) is { } fresh)
                {
                    return fresh;
                }
                var token = await fetch(rejected is not null, cancellationToken).ConfigureAwait(false);
                await Redis(db => db.StringSetAsync(tokenKey, token.Value, token.CacheLifetime)).ConfigureAwait(false);
                return token.Value;
            }
            finally
            {
                await Redis(db => db.ScriptEvaluateAsync(ReleaseScript, [lockKey], [owner])).ConfigureAwait(false);
            }
        }
    }

    private async Task<string?> UsableAsync(RedisKey tokenKey, string? rejected)
    {
        var value = await Redis(db => db.StringGetAsync(tokenKey)).ConfigureAwait(false);
        return value.HasValue && value.ToString() != rejected ? value.ToString() : null;
    }

    // The hash tag keeps the token and its lock in one Cluster slot.
    private RedisKey TokenKey(string account) => $"{options.KeyPrefix}{{{account}}}";

    private async Task<T> Redis<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call(redis.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new AccessTokenUnavailableException($"token cache unreachable: {e.Message}", isTransient: true, e);
        }
    }
}
