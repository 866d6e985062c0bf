using System.ComponentModel.DataAnnotations;
using Warning.Engine.Alerts;

namespace Warning.Engine.Dispatch;

/// <summary>How the fan-out pipeline batches, queues, paces and retries. Bound from section "Dispatch".</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>Recipients claimed in one ledger call. Default: 4096.</summary>
    [Range(1, 1_000_000)]
    public int ClaimBatchSize { get; set; } = 4096;

    /// <summary>Adapter batches waiting per channel and priority before producers wait (back-pressure). Default: 256.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Concurrent adapter calls per channel. Default: 4.</summary>
    [Range(1, 1024)]
    public int SendersPerChannel { get; set; } = 4;

    /// <summary>Attempts per recipient on transient failures, the first included. Default: 3.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubled each attempt, with jitter. Default: 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>One adapter call may take this long before its recipients count as Unknown. Default: 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Recipients claimed by a dispatcher that died before confirming are resent from this level up and skipped
    /// below it (a duplicate Red warning is better than a missed one; a duplicate Blue one is not). Default: Red.
    /// </summary>
    public WarningLevel ResendUnknownFrom { get; set; } = WarningLevel.Red;

    /// <summary>How long claims and confirms wait out an unreachable ledger before the shard fails (and its job retries). Default: 2 min.</summary>
    public TimeSpan StoreOutageWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Provider-account buckets per channel name (SMS TPS, WeChat quota). A channel without one is not paced.</summary>
    public Dictionary<string, TokenBucketSpec> ProviderRates { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-person anti-harassment bucket, waived for Red; null disables it. Default: null.</summary>
    public TokenBucketSpec? PerPersonRate { get; set; }
}
