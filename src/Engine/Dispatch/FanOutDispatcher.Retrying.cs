using Polly.CircuitBreaker;
using Polly.Timeout;
using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

public sealed partial class FanOutDispatcher
{
    /// <summary>
    /// Sends, then resends only the recipients whose result was transient (and the Unknown ones from
    /// <see cref="DispatchOptions.ResendUnknownFrom"/> up), with backoff and jitter, at most MaxAttempts times.
    /// While the channel is down — its circuit refuses the call, or the adapter could not reach the provider at all
    /// (<see cref="DeliveryResult.IsUnreachable"/>) — the batch waits (for the circuit, or with backoff) for at most <see cref="DispatchOptions.MaxCircuitWait"/> in all, and
    /// that costs no attempt: the outage was the channel's, not these recipients'. A throttled answer pauses the
    /// whole channel (<see cref="PauseChannel"/>), and its recipients take their provider token again before the
    /// resend: the shared bucket, and so every node sending on that account, pays for the refused submit.
    /// </summary>
    private async Task<IReadOnlyList<DeliveryResult>> SendWithRetriesAsync(IChannelAdapter adapter, DeliveryBatch batch,
        DispatchPriority priority)
    {
        var results = new DeliveryResult[batch.Recipients.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = DeliveryResult.Transient(batch.Recipients[i].Recipient, "not attempted");
        }
        var pending = Enumerable.Range(0, results.Length).ToList();
        var pipeline = _pipelines.For(adapter.Name);
        var resendUnknown = batch.Content.Level >= _options.ResendUnknownFrom;
        var circuitWait = TimeSpan.Zero;
        var outageRetries = 0;
        for (var attempt = 1; ;)
        {
            await WaitWhilePausedAsync(adapter.Name).ConfigureAwait(false);
            var attemptBatch = pending.Count == results.Length ? batch : batch with { Recipients = [.. pending.Select(i => batch.Recipients[i])] };
            var (answers, circuitRetryAfter) = await AttemptAsync(adapter, pipeline, attemptBatch).ConfigureAwait(false);
            if (answers is null)
            {
                if (circuitWait >= _options.MaxCircuitWait || !_currency.IsCurrent(batch.Content.VersionId))
                {
                    return GiveUp(results, pending, $"circuit open for {circuitWait.TotalSeconds:0.#} s");
                }
                var wait = Clamp(circuitRetryAfter ?? TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), _options.MaxCircuitWait - circuitWait);
                circuitWait += wait;
                await Task.Delay(wait, _time, _stopping.Token).ConfigureAwait(false);
                continue;
            }
            var again = new List<int>();
            var throttled = 0;
            var pause = TimeSpan.Zero;
            for (var i = 0; i < pending.Count; i++)
            {
                results[pending[i]] = answers[i];
                if (answers[i].Status == DeliveryStatus.TransientFailure || answers[i].Status == DeliveryStatus.Unknown && resendUnknown)
                {
                    again.Add(pending[i]);
                }
                if (answers[i].RetryAfter is { } retryAfter)
                {
                    throttled++;
                    pause = retryAfter > pause ? retryAfter : pause;
                }
            }
            if (throttled > 0)
            {
                PauseChannel(adapter.Name, pause);
            }
            if (again.Count == 0)
            {
                return results;
            }
            if (!_currency.IsCurrent(batch.Content.VersionId))
            {
                return GiveUp(results, again, "version no longer current");
            }
            if (again.TrueForAll(i => results[i].IsUnreachable) && circuitWait < _options.MaxCircuitWait)
            {
                var wait = Clamp(Backoff(Math.Min(++outageRetries, 6)), TimeSpan.FromMilliseconds(1), _options.MaxCircuitWait - circuitWait);
                circuitWait += wait;
                pending = again;
                await Task.Delay(wait, _time, _stopping.Token).ConfigureAwait(false);
                continue;
            }
            if (attempt >= _options.MaxAttempts)
            {
                return GiveUp(results, again, $"gave up after {attempt} attempts");
            }
            pending = again;
            await Task.Delay(Backoff(attempt), _time, _stopping.Token).ConfigureAwait(false);
            if (throttled > 0 && _options.ProviderRates.TryGetValue(adapter.Name, out var spec))
            {
                await AcquireAllAsync($"provider:{adapter.Name}", spec, throttled, priority).ConfigureAwait(false);
            }
            attempt++;
        }
    }

    /// <summary>A transient result becomes Failed; an Unknown one stays Unknown (the provider may have it).</summary>
    private static DeliveryResult[] GiveUp(DeliveryResult[] results, List<int> pending, string reason)
    {
        foreach (var i in pending)
        {
            var last = results[i];
            results[i] = last.Status == DeliveryStatus.Unknown
                ? DeliveryResult.Unknown(last.Recipient, $"{reason}: {last.Detail}")
                : DeliveryResult.Failed(last.Recipient, $"{reason}: {last.Detail}");
        }
        return results;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? (max < min ? min : max) : value;

    /// <summary>Calls the adapter through the pipeline; null answers when the circuit refused the call (with how long it stays open).</summary>
    private async Task<(IReadOnlyList<DeliveryResult>? Answers, TimeSpan? CircuitRetryAfter)> AttemptAsync(IChannelAdapter adapter,
        Polly.ResiliencePipeline<IReadOnlyList<DeliveryResult>> pipeline, DeliveryBatch batch)
    {
        IReadOnlyList<DeliveryResult> answers;
        try
        {
            answers = await pipeline.ExecuteAsync(
                static (state, token) => state.adapter.SendAsync(state.batch, token), (adapter, batch), _stopping.Token).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return (Uniform(batch.Recipients, r => DeliveryResult.Unknown(r, "no answer within the attempt timeout")), null);
        }
        catch (BrokenCircuitException ex)
        {
            return (null, ex.RetryAfter);
        }
        if (answers.Count != batch.Recipients.Count)
        {
            throw new InvalidOperationException(
                $"Adapter '{adapter.Name}' returned {answers.Count} results for {batch.Recipients.Count} recipients.");
        }
        return (answers, null);
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseDelay = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(baseDelay * (0.5 + Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }
}
