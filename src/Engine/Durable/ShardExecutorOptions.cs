namespace Warning.Engine.Durable;

/// <summary>How shard runs hold their leases. Bound from "Jobs".</summary>
public sealed class ShardExecutorOptions
{
    /// <summary>A dead node's shard is taken over after at most this long. Default: 10 s.</summary>
    public TimeSpan LeaseTimeToLive { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a running shard renews its lease. Default: 3 s (well inside the time to live).</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a job waiting for another node's run checks whether it finished or died. Default: 250 ms.</summary>
    public TimeSpan LeasePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
