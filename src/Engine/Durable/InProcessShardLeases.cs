namespace Warning.Engine.Durable;

/// <summary>The single-node <see cref="IShardLeases"/>: leases and finished shards in memory.</summary>
public sealed class InProcessShardLeases(TimeProvider timeProvider) : IShardLeases
{
    private readonly Dictionary<ShardKey, (string Owner, DateTimeOffset Until)> _leases = [];
    private readonly HashSet<ShardKey> _done = [];
    private readonly Lock _gate = new();

    public Task<bool> TryAcquireAsync(ShardKey key, string owner, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_leases.TryGetValue(key, out var lease) && lease.Owner != owner && lease.Until > now)
            {
                return Task.FromResult(false);
            }
            _leases[key] = (owner, now + timeToLive);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewAsync(ShardKey key, string owner, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (!_leases.TryGetValue(key, out var lease) || lease.Owner != owner || lease.Until <= now)
            {
                return Task.FromResult(false);
            }
            _leases[key] = (owner, now + timeToLive);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(ShardKey key, string owner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(key, out var lease) && lease.Owner == owner)
            {
                _leases.Remove(key);
            }
        }
        return Task.CompletedTask;
    }

    public Task MarkDoneAsync(ShardKey key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _done.Add(key);
        }
        return Task.CompletedTask;
    }

    public Task<bool> IsDoneAsync(ShardKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_done.Contains(key));
        }
    }
}
