using Polly.CircuitBreaker;

namespace Warning.Engine.Resilience;

/// <summary>A channel's circuit moved to <paramref name="State"/> (Open, HalfOpen or Closed).</summary>
public readonly record struct CircuitChange(string Channel, CircuitState State, DateTimeOffset At);
