using StackExchange.Redis;

namespace Warning.Engine.Dispatch.Redis;

/// <summary>
/// The claim ledger shared by every node: per <see cref="LedgerScope"/> two Redis bitmaps over dense recipient
/// indexes, <c>{prefix}{thread:version}:channel:claimed</c> and <c>:confirmed</c>. The hash tag keeps both keys of
/// a scope in one Redis Cluster slot. Each batch is one Lua script call (EVALSHA); a claim either commits for the
/// whole batch or the call throws <see cref="DispatchStoreUnavailableException"/> and reports nothing.
/// </summary>
public sealed class RedisDeliveryLedger : IDeliveryLedger
{
    /// <summary>The key prefix used when none is given. Default: "warning:".</summary>
    public const string DefaultKeyPrefix = "warning:";

    private static readonly RedisScript ClaimScript = new(LedgerScripts.Claim);
    private static readonly RedisScript ConfirmScript = new(LedgerScripts.Confirm);

    private readonly IConnectionMultiplexer _redis;
    private readonly string _keyPrefix;

    /// <summary>Creates a ledger over <paramref name="redis"/>, naming keys with <paramref name="keyPrefix"/>.</summary>
    public RedisDeliveryLedger(IConnectionMultiplexer redis, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _redis = redis;
        _keyPrefix = keyPrefix;
    }

    /// <inheritdoc />
    public async ValueTask ClaimAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, Memory<ClaimOutcome> outcomes,
        TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outcomes.Length, recipients.Length, nameof(outcomes));
        ArgumentOutOfRangeException.ThrowIfLessThan(timeToLive, TimeSpan.FromMilliseconds(1), nameof(timeToLive));
        if (recipients.IsEmpty)
        {
            return;
        }
        var blob = RecipientBlob.Pack(recipients.Span);
        var ttl = (long)Math.Ceiling(timeToLive.TotalMilliseconds);
        var result = await ClaimScript.EvaluateAsync(_redis.GetDatabase(), KeysFor(_keyPrefix, scope), [ttl, blob], "claim",
            cancellationToken).ConfigureAwait(false);
        var bytes = (byte[]?)result ?? [];
        if (bytes.Length != recipients.Length)
        {
            throw new InvalidOperationException(
                $"The claim script answered {bytes.Length} outcomes for {recipients.Length} recipients.");
        }
        var span = outcomes.Span;
        for (var i = 0; i < bytes.Length; i++)
        {
            span[i] = (ClaimOutcome)bytes[i];
        }
    }

    /// <inheritdoc />
    public async ValueTask ConfirmAsync(LedgerScope scope, ReadOnlyMemory<int> recipients,
        CancellationToken cancellationToken)
    {
        if (recipients.IsEmpty)
        {
            return;
        }
        var blob = RecipientBlob.Pack(recipients.Span);
        await ConfirmScript.EvaluateAsync(_redis.GetDatabase(), KeysFor(_keyPrefix, scope), [blob], "confirm", cancellationToken)
            .ConfigureAwait(false);
    }

    internal static RedisKey[] KeysFor(string keyPrefix, LedgerScope scope)
    {
        var stem = $"{keyPrefix}{{{scope.ThreadId}:{scope.VersionId}}}:{scope.Channel}:";
        return [stem + "claimed", stem + "confirmed"];
    }
}
