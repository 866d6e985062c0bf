using System.Buffers;
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
            FallBack(run, results);
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
        await WaitWhilePausedAsync(adapter.Name).ConfigureAwait(false);
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
