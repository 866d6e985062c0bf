using System.Globalization;
using StackExchange.Redis;

namespace Warning.Engine.Dispatch.Redis;

/// <summary>
/// Token buckets in Redis shared by every dispatcher, refilled lazily from the server's clock inside one Lua call.
/// Single buckets are named <c>{prefix}{key}</c> with the key as hash tag; <see cref="AcquireEachAsync"/> tags the
/// per-recipient prefix instead, so that all the buckets of one call sit in one Redis Cluster slot.
/// </summary>
public sealed class RedisRateLimiter : IRateLimiter
{
    /// <summary>The key prefix used when none is given. Default: "warning:rate:".</summary>
    public const string DefaultKeyPrefix = "warning:rate:";

    private static readonly RedisScript AcquireScript = new(RateLimitScripts.Acquire);
    private static readonly RedisScript AcquireEachScript = new(RateLimitScripts.AcquireEach);

    private readonly IConnectionMultiplexer _redis;
    private readonly string _keyPrefix;

    /// <summary>Creates a limiter over <paramref name="redis"/>, naming keys with <paramref name="keyPrefix"/>.</summary>
    public RedisRateLimiter(IConnectionMultiplexer redis, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _redis = redis;
        _keyPrefix = keyPrefix;
    }

    /// <inheritdoc />
    public async ValueTask<RateLease> AcquireAsync(string key, TokenBucketSpec spec, int requested,
        DispatchPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        TokenBucketRules.Validate(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requested);
        RedisKey[] keys = [$"{_keyPrefix}{{{key}}}"];
        RedisValue[] values = [spec.RatePerSecond, spec.Burst, TokenBucketRules.Floor(spec, priority), requested];
        var result = await AcquireScript.EvaluateAsync(_redis.GetDatabase(), keys, values, "rate limiting",
            cancellationToken).ConfigureAwait(false);
        var pair = (long[]?)result ?? throw new InvalidOperationException("The rate script answered nothing.");
        return new RateLease((int)pair[0], TimeSpan.FromMicroseconds(pair[1]));
    }

    /// <inheritdoc />
    /// <remarks>Per-recipient tokens are Routine work: the spec's <see cref="TokenBucketSpec.UrgentReserve"/> applies.</remarks>
    public async ValueTask AcquireEachAsync(string prefix, ReadOnlyMemory<int> recipients, TokenBucketSpec spec,
        Memory<bool> granted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        TokenBucketRules.Validate(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(granted.Length, recipients.Length, nameof(granted));
        if (recipients.IsEmpty)
        {
            return;
        }
        var stem = $"{_keyPrefix}{{{prefix}}}";
        var keys = new RedisKey[recipients.Length];
        var source = recipients.Span;
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = stem + source[i].ToString(CultureInfo.InvariantCulture);
        }
        RedisValue[] values = [spec.RatePerSecond, spec.Burst, TokenBucketRules.Floor(spec, DispatchPriority.Routine)];
        var result = await AcquireEachScript.EvaluateAsync(_redis.GetDatabase(), keys, values, "rate limiting",
            cancellationToken).ConfigureAwait(false);
        var bytes = (byte[]?)result ?? [];
        if (bytes.Length != recipients.Length)
        {
            throw new InvalidOperationException(
                $"The rate script answered {bytes.Length} grants for {recipients.Length} recipients.");
        }
        var target = granted.Span;
        for (var i = 0; i < bytes.Length; i++)
        {
            target[i] = bytes[i] == 1;
        }
    }
}
