using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;

namespace Warning.Engine.Resilience;

/// <summary>
/// One Polly pipeline per channel: a circuit breaker around an attempt timeout. Retries are not in it: a retry
/// must resend only the recipients whose result was transient, never the whole batch, so the dispatcher retries
/// the failed subset itself, outside this pipeline (outermost first: rate limiter, retry, breaker, timeout).
/// The breaker's settings are <see cref="DispatchOptions.Circuit"/>, or the channel's entry in
/// <see cref="DispatchOptions.Circuits"/>; every state change is reported to <paramref name="onChange"/>.
/// </summary>
public sealed class ChannelPipelines(DispatchOptions options, TimeProvider timeProvider, Action<CircuitChange>? onChange = null)
{
    private readonly ConcurrentDictionary<string, (ResiliencePipeline<IReadOnlyList<DeliveryResult>> Pipeline, CircuitBreakerStateProvider State)> _pipelines =
        new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<IReadOnlyList<DeliveryResult>> For(string channel) => _pipelines.GetOrAdd(channel, Build).Pipeline;

    /// <summary>The channel's circuit now (Closed for a channel that has not sent yet).</summary>
    public CircuitState StateOf(string channel) =>
        _pipelines.TryGetValue(channel, out var entry) ? entry.State.CircuitState : CircuitState.Closed;

    private (ResiliencePipeline<IReadOnlyList<DeliveryResult>>, CircuitBreakerStateProvider) Build(string channel)
    {
        var settings = options.Circuits.GetValueOrDefault(channel) ?? options.Circuit;
        var state = new CircuitBreakerStateProvider();
        var pipeline = new ResiliencePipelineBuilder<IReadOnlyList<DeliveryResult>> { TimeProvider = timeProvider, Name = channel }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<IReadOnlyList<DeliveryResult>>
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = state,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is not null and not OperationCanceledException
                    || args.Outcome.Result is { Count: > 0 } results && results.All(NotAnswered)),
                OnOpened = _ => Report(channel, CircuitState.Open),
                OnHalfOpened = _ => Report(channel, CircuitState.HalfOpen),
                OnClosed = _ => Report(channel, CircuitState.Closed),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        return (pipeline, state);
    }

    /// <summary>No final answer from the provider: it is down, unreachable or silent.</summary>
    internal static bool NotAnswered(DeliveryResult result) =>
        result.Status is DeliveryStatus.TransientFailure or DeliveryStatus.Unknown && !result.IsThrottled;

    private ValueTask Report(string channel, CircuitState state)
    {
        onChange?.Invoke(new CircuitChange(channel, state, timeProvider.GetUtcNow()));
        return ValueTask.CompletedTask;
    }
}
