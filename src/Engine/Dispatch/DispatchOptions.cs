using System.ComponentModel.DataAnnotations;
using Warning.Engine.Alerts;
using Warning.Engine.Resilience;

namespace Warning.Engine.Dispatch;

/// <summary>How the fan-out pipeline batches, queues, paces and retries. Bound from section "Warning:Dispatch".</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Warning:Dispatch";

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
    /// below it (a duplicate Red warning is better than a missed one; a duplicate Blue one is not). The same rule
    /// decides whether an adapter's Unknown answer (no response in time, connection lost mid-send) is retried like a
    /// transient failure once the channel's circuit lets calls through again. Default: Red.
    /// </summary>
    public WarningLevel ResendUnknownFrom { get; set; } = WarningLevel.Red;

    /// <summary>How long claims and confirms wait out an unreachable ledger before the shard fails (and its job retries). Default: 2 min.</summary>
    public TimeSpan StoreOutageWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The circuit breaker of every channel without its own entry in <see cref="Circuits"/>.</summary>
    public CircuitSettings Circuit { get; set; } = new();

    /// <summary>Circuit breaker settings per channel name, overriding <see cref="Circuit"/>.</summary>
    public Dictionary<string, CircuitSettings> Circuits { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long one adapter batch waits out its channel being down (circuit open, or whole calls unanswered) before
    /// its recipients give up (and go to the fallback channel, if any). Waiting costs no attempt. Default: 2 min.
    /// </summary>
    public TimeSpan MaxCircuitWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Fallback chains: channel name → the channel that takes the recipients it could not serve (failed after every
    /// attempt, rejected, or without an address on it), e.g. "sms" → "wechat". Followed link by link; a channel
    /// already in the chain is never entered again. A channel without an entry has no fallback.
    /// </summary>
    public Dictionary<string, string> Fallbacks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Provider-account buckets per channel name (SMS TPS, WeChat quota). A channel without one is not paced.</summary>
    public Dictionary<string, TokenBucketSpec> ProviderRates { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-person anti-harassment bucket, waived for Red; null disables it. Default: null.</summary>
    public TokenBucketSpec? PerPersonRate { get; set; }
}
