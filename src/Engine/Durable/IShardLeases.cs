namespace Warning.Engine.Durable;

/// <summary>
/// Who is running a shard right now, and which shards are finished. A runner holds a lease with a short time to live
/// and renews it while it works, so a node that dies lets go within that time and another node resumes the shard
/// (the claim ledger then tells it which recipients were served). Redis when several nodes share the work.
/// </summary>
public interface IShardLeases
{
    /// <summary>Takes the lease for <paramref name="key"/> if nobody holds it; false when someone else does.</summary>
    Task<bool> TryAcquireAsync(ShardKey key, string owner, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Extends a lease this owner holds; false when it was lost (expired and taken by another).</summary>
    Task<bool> RenewAsync(ShardKey key, string owner, TimeSpan timeToLive, CancellationToken cancellationToken);

    Task ReleaseAsync(ShardKey key, string owner, CancellationToken cancellationToken);

    /// <summary>Records that every recipient of the shard has an outcome; kept for <paramref name="timeToLive"/>.</summary>
    Task MarkDoneAsync(ShardKey key, TimeSpan timeToLive, CancellationToken cancellationToken);

    Task<bool> IsDoneAsync(ShardKey key, CancellationToken cancellationToken);
}
