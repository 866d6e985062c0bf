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
/// </summary>
public sealed class ChannelPipelines(DispatchOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<IReadOnlyList<DeliveryResult>>> _pipelines =
        new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<IReadOnlyList<DeliveryResult>> For(string channel) => _pipelines.GetOrAdd(channel, Build);

    private ResiliencePipeline<IReadOnlyList<DeliveryResult>> Build(string channel) =>
        new ResiliencePipelineBuilder<IReadOnlyList<DeliveryResult>> { TimeProvider = timeProvider, Name = channel }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<IReadOnlyList<DeliveryResult>>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is not null and not OperationCanceledException
                    || args.Outcome.Result is { Count: > 0 } results && results.All(r => r.Status == DeliveryStatus.TransientFailure)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
}
