namespace Warning.Channels.WeChat;

/// <summary>
/// Where WeChat and WeCom access tokens live between calls. Each account has one token at a time; fetching a new
/// one is rate-limited by the platform (and the classic endpoint invalidates the previous token), so a fetch is
/// single-flight: concurrent callers — in one process, or with Redis across the cluster — share one fetch.
/// </summary>
public interface IAccessTokenCache
{
    /// <summary>The account's cached token, fetching one (once, shared) when none is cached or it is about to expire.</summary>
    ValueTask<string> GetAsync(string account, AccessTokenFetcher fetch, CancellationToken cancellationToken);

    /// <summary>
    /// The platform refused <paramref name="rejected"/> (40001, 40014, 42001): replace it. When another caller has
    /// already replaced it, returns that replacement without fetching, so a burst of refusals costs one fetch.
    /// </summary>
    ValueTask<string> RefreshAsync(string account, string rejected, AccessTokenFetcher fetch, CancellationToken cancellationToken);
}

/// <summary>Asks the platform for a token; <paramref name="forceRefresh"/> after the platform refused the cached one.</summary>
public delegate ValueTask<AccessToken> AccessTokenFetcher(bool forceRefresh, CancellationToken cancellationToken);

/// <summary>A token and how long the platform said it lives (expires_in, normally 7200 s).</summary>
public readonly record struct AccessToken(string Value, TimeSpan ExpiresIn)
{
    /// <summary>
    /// How long to keep it: five minutes short of its life (the stable-token endpoint rotates tokens in their last
    /// five minutes), or half its life when that is shorter.
    /// </summary>
    public TimeSpan CacheLifetime => ExpiresIn > TimeSpan.FromMinutes(10) ? ExpiresIn - TimeSpan.FromMinutes(5) : ExpiresIn / 2;
}

/// <summary>No token could be had; <see cref="IsTransient"/> says whether trying later may help.</summary>
public sealed class AccessTokenUnavailableException : Exception
{
    public AccessTokenUnavailableException()
    {
    }

    public AccessTokenUnavailableException(string message)
        : base(message)
    {
    }

    public AccessTokenUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AccessTokenUnavailableException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>True for network errors, 5xx and "system busy"; false for a wrong secret or a missing IP whitelist entry.</summary>
    public bool IsTransient { get; }
}
