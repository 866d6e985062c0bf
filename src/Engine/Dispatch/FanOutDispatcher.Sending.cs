using System.Buffers;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

public sealed partial class FanOutDispatcher
{
    /// <summary>One lane item: pace, re-check currency, send with retries, confirm, report. Never throws.</summary>
    private async Task SendAsync(IChannelAdapter adapter, LaneItem item)
    {
        var (run, batch) = item;
        var request = run.Request;
        IReadOnlyList<DeliveryResult> results;
        try
        {
            results = _currency.IsCurrent(request.Content.VersionId)
                ? await PaceAndSendAsync(adapter, run, batch).ConfigureAwait(false)
                : Uniform(batch.Recipients, r => DeliveryResult.Skipped(r, "superseded"));
            await ConfirmAsync(request, results).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The dispatcher loop is the one catch-all (house style §5): record Failed, keep going.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.BatchCrashed(_logger, ex, request.Channel, request.Content.VersionId, batch.Recipients.Count);
            results = Uniform(batch.Recipients, r => DeliveryResult.Failed(r, $"dispatcher error: {ex.GetType().Name}"));
        }
        try
        {
            run.CountResults(results);
            await _sink.RecordAsync(request.Content, request.Channel, results, _stopping.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A sink failure must not stall the lane; the run still completes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.BatchCrashed(_logger, ex, request.Channel, request.Content.VersionId, batch.Recipients.Count);
        }
        finally
        {
            run.BatchDone();
        }
    }

    private async Task<IReadOnlyList<DeliveryResult>> PaceAndSendAsync(IChannelAdapter adapter, DispatchRun run, DeliveryBatch batch)
    {
        if (_options.ProviderRates.TryGetValue(adapter.Name, out var spec))
        {
            await AcquireAllAsync($"provider:{adapter.Name}", spec, batch.Recipients.Count, run.Request.Priority).ConfigureAwait(false);
        }
        run.MarkFirstSend();
        return await SendWithRetriesAsync(adapter, batch, run.Request.Priority).ConfigureAwait(false);
    }

    /// <summary>Waits until the provider bucket grants the whole batch; the bucket says how long to wait.</summary>
    private async Task AcquireAllAsync(string key, TokenBucketSpec spec, int needed, DispatchPriority priority)
    {
        while (needed > 0)
        {
            RateLease lease;
            try
            {
                lease = await _limiter.AcquireAsync(key, spec, needed, priority, _stopping.Token).ConfigureAwait(false);
            }
            catch (DispatchStoreUnavailableException)
            {
                // The shared bucket is unreachable: wait and ask again rather than send unpaced.
                lease = new RateLease(0, TimeSpan.FromMilliseconds(200));
            }
            needed -= lease.Granted;
            if (needed > 0)
            {
                var wait = lease.RetryAfter > TimeSpan.Zero ? lease.RetryAfter : TimeSpan.FromMilliseconds(1);
                await Task.Delay(wait, _time, _stopping.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends, then resends only the recipients whose result was transient, with backoff and jitter. A throttled
    /// recipient (the provider said we were too fast) takes its provider token again before its resend: the
    /// shared bucket, and so every node sending on that account, pays for the refused submit instead of the
    /// retries going around it.
    /// </summary>
    private async Task<IReadOnlyList<DeliveryResult>> SendWithRetriesAsync(IChannelAdapter adapter, DeliveryBatch batch,
        DispatchPriority priority)
    {
        var results = new DeliveryResult[batch.Recipients.Count];
        var pending = Enumerable.Range(0, results.Length).ToList();
        var pipeline = _pipelines.For(adapter.Name);
        for (var attempt = 1; ; attempt++)
        {
            var attemptBatch = attempt == 1 ? batch : batch with { Recipients = [.. pending.Select(i => batch.Recipients[i])] };
            var answers = await AttemptAsync(adapter, pipeline, attemptBatch).ConfigureAwait(false);
            var transient = new List<int>();
            var throttled = 0;
            for (var i = 0; i < pending.Count; i++)
            {
                results[pending[i]] = answers[i];
                if (answers[i].Status == DeliveryStatus.TransientFailure)
                {
                    transient.Add(pending[i]);
                    throttled += answers[i].IsThrottled ? 1 : 0;
                }
            }
            if (transient.Count == 0)
            {
                return results;
            }
            if (attempt >= _options.MaxAttempts || !_currency.IsCurrent(batch.Content.VersionId))
            {
                foreach (var i in transient)
                {
                    results[i] = DeliveryResult.Failed(results[i].Recipient, $"gave up after {attempt} attempts: {results[i].Detail}");
                }
                return results;
            }
            pending = transient;
            await Task.Delay(Backoff(attempt), _time, _stopping.Token).ConfigureAwait(false);
            if (throttled > 0 && _options.ProviderRates.TryGetValue(adapter.Name, out var spec))
            {
                await AcquireAllAsync($"provider:{adapter.Name}", spec, throttled, priority).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<DeliveryResult>> AttemptAsync(IChannelAdapter adapter,
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
            return Uniform(batch.Recipients, r => DeliveryResult.Unknown(r, "no answer within the attempt timeout"));
        }
        catch (BrokenCircuitException)
        {
            return Uniform(batch.Recipients, r => DeliveryResult.Transient(r, "circuit open"));
        }
        if (answers.Count != batch.Recipients.Count)
        {
            throw new InvalidOperationException(
                $"Adapter '{adapter.Name}' returned {answers.Count} results for {batch.Recipients.Count} recipients.");
        }
        return answers;
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseDelay = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(baseDelay * (0.5 + Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }

    /// <summary>Marks final answers in the ledger, so a re-run of the shard skips them.</summary>
    private async Task ConfirmAsync(DispatchRequest request, IReadOnlyList<DeliveryResult> results)
    {
        var final = ArrayPool<int>.Shared.Rent(results.Count);
        try
        {
            var count = 0;
            foreach (var result in results)
            {
                if (result.IsSuccess || result.Status == DeliveryStatus.Rejected)
                {
                    final[count++] = result.Recipient;
                }
            }
            if (count > 0)
            {
                await ConfirmWithRetryAsync(request, final.AsMemory(0, count), _stopping.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(final);
        }
    }

    private static DeliveryResult[] Uniform(IReadOnlyList<DeliveryRecipient> recipients, Func<int, DeliveryResult> result)
    {
        var results = new DeliveryResult[recipients.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = result(recipients[i].Recipient);
        }
        return results;
    }
}
