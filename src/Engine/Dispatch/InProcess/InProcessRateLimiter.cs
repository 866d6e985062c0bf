using System.Collections.Concurrent;

namespace Warning.Engine.Dispatch.InProcess;

/// <summary>
/// Token buckets for one process (embedded profile), refilled lazily from the injected <see cref="TimeProvider"/>.
/// Buckets untouched for longer than it takes them to refill are forgotten, so per-recipient buckets do not pile up.
/// </summary>
public sealed class InProcessRateLimiter(TimeProvider timeProvider) : IRateLimiter
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private long _nextSweep = long.MinValue;

    /// <inheritdoc />
    public ValueTask<RateLease> AcquireAsync(string key, TokenBucketSpec spec, int requested,
        DispatchPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        TokenBucketRules.Validate(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requested);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetTimestamp();
        SweepIfDue(now);
        return ValueTask.FromResult(Take(key, spec, requested, TokenBucketRules.Floor(spec, priority), now));
    }

    /// <inheritdoc />
    /// <remarks>Per-recipient tokens are Routine work: the spec's <see cref="TokenBucketSpec.UrgentReserve"/> applies.</remarks>
    public ValueTask AcquireEachAsync(string prefix, ReadOnlyMemory<int> recipients, TokenBucketSpec spec,
        Memory<bool> granted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        TokenBucketRules.Validate(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(granted.Length, recipients.Length, nameof(granted));
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetTimestamp();
        SweepIfDue(now);
        var floor = TokenBucketRules.Floor(spec, DispatchPriority.Routine);
        var source = recipients.Span;
        var target = granted.Span;
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = Take(string.Concat(prefix, source[i].ToString(System.Globalization.CultureInfo.InvariantCulture)),
                spec, 1, floor, now).Granted == 1;
        }
        return ValueTask.CompletedTask;
    }

    internal int BucketCount => _buckets.Count;

    private RateLease Take(string key, TokenBucketSpec spec, int requested, double floor, long now)
    {
        while (true)
        {
            var bucket = _buckets.GetOrAdd(key, static (_, state) => new BucketState(state.Burst, state.Now),
                (spec.Burst, Now: now));
            lock (bucket)
            {
                if (bucket.Retired)
                {
                    continue;
                }
                // A caller may have read the clock before another one that already advanced the stamp: no refill then.
                var tokens = now > bucket.Stamp
                    ? TokenBucketRules.Refill(spec, bucket.Tokens, timeProvider.GetElapsedTime(bucket.Stamp, now))
                    : Math.Min(spec.Burst, bucket.Tokens);
                var granted = TokenBucketRules.Grantable(tokens, floor, requested);
                bucket.Tokens = tokens - granted;
                bucket.Stamp = Math.Max(now, bucket.Stamp);
                bucket.FullAt = bucket.Stamp + ToTimestamp(TokenBucketRules.TimeToFull(spec));
                return new RateLease(granted,
                    TokenBucketRules.RetryAfter(spec, bucket.Tokens, floor, requested - granted));
            }
        }
    }

    private long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * timeProvider.TimestampFrequency);

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + ToTimestamp(SweepInterval), due) != due)
        {
            return;
        }
        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                if (bucket.FullAt <= now)
                {
                    bucket.Retired = true;
                    _buckets.TryRemove(new KeyValuePair<string, BucketState>(key, bucket));
                }
            }
        }
    }
}
