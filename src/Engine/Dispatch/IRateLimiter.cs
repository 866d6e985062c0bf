namespace Warning.Engine.Dispatch;

/// <summary>
/// Token buckets shared by every dispatcher (Redis) or by one process (in-process): per provider account,
/// per device, and per person (anti-harassment, which callers skip for Red).
/// </summary>
public interface IRateLimiter
{
    /// <summary>Takes up to <paramref name="requested"/> tokens from the bucket named <paramref name="key"/>; never waits.</summary>
    ValueTask<RateLease> AcquireAsync(string key, TokenBucketSpec spec, int requested, DispatchPriority priority,
        CancellationToken cancellationToken);

    /// <summary>
    /// Takes one token from each of many small buckets at once (one per recipient: "{prefix}{recipient}"),
    /// in one round trip; <paramref name="granted"/>[i] says whether recipient i may be sent to now.
    /// </summary>
    ValueTask AcquireEachAsync(string prefix, ReadOnlyMemory<int> recipients, TokenBucketSpec spec, Memory<bool> granted,
        CancellationToken cancellationToken);
}
