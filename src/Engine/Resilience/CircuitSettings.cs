using System.ComponentModel.DataAnnotations;

namespace Warning.Engine.Resilience;

/// <summary>
/// When a channel's circuit opens and how long it stays open (Polly's circuit breaker). An adapter call counts as
/// failed when it throws or when no recipient in it got a final answer (every result transient or unknown).
/// </summary>
public sealed class CircuitSettings
{
    /// <summary>Share of failed calls within <see cref="SamplingDuration"/> that opens the circuit. Default: 0.5.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within <see cref="SamplingDuration"/> before the ratio counts. Default: 10.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the ratio is measured over (at least 0.5 s, as Polly requires). Default: 10 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open circuit refuses calls before one probe may try (at least 0.5 s). Default: 5 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
