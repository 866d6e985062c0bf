using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Warning.Engine.Dispatch.Redis;

/// <summary>
/// <see cref="IVersionCurrency"/> shared by every node (design.md §2): retiring a version writes it to a Redis set
/// and publishes it on a channel; each node keeps the retired versions in memory, fed by that channel, so the check
/// before every adapter call stays a dictionary lookup. A node that starts (or reconnects) late reads the set, so a
/// retirement published while it was away is not missed. Entries expire with the set after <see cref="RetentionDays"/>.
/// </summary>
public sealed class RedisVersionCurrency : IVersionCurrency, IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _retired = new(StringComparer.Ordinal);
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey _set;
    private readonly RedisChannel _channel;
    private readonly ChannelMessageQueue _subscription;

    public RedisVersionCurrency(IConnectionMultiplexer redis, string keyPrefix = "warning:")
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _set = keyPrefix + "retired-versions";
        _channel = RedisChannel.Literal(keyPrefix + "retired-versions");
        _subscription = redis.GetSubscriber().Subscribe(_channel);
        _subscription.OnMessage(m => _retired.TryAdd(m.Message.ToString(), 0));
        redis.ConnectionRestored += (_, _) => Reload();
        Reload();
    }

    /// <summary>How long retired versions are remembered in Redis; far longer than any warning stays in force.</summary>
    public static int RetentionDays => 30;

    public bool IsCurrent(string versionId) => !_retired.ContainsKey(versionId);

    public void Retire(string versionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        _retired.TryAdd(versionId, 0);
        var db = _redis.GetDatabase();
        db.SetAdd(_set, versionId);
        db.KeyExpire(_set, TimeSpan.FromDays(RetentionDays));
        db.Publish(_channel, versionId);
    }

    public void Dispose() => _subscription.Unsubscribe();

    private void Reload()
    {
        foreach (var member in _redis.GetDatabase().SetMembers(_set))
        {
            _retired.TryAdd(member.ToString(), 0);
        }
    }
}
