namespace Warning.Engine.Dispatch.InProcess;

/// <summary>
/// One in-process token bucket, guarded by locking the instance. A bucket starts full. <see cref="Retired"/> is set
/// under the lock when the sweep forgets a bucket, so a caller holding it looks it up again.
/// </summary>
internal sealed class BucketState(double tokens, long stamp)
{
    public double Tokens { get; set; } = tokens;

    public long Stamp { get; set; } = stamp;

    public long FullAt { get; set; }

    public bool Retired { get; set; }
}
