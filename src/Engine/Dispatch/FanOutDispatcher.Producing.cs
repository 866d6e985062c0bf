using System.Buffers;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

public sealed partial class FanOutDispatcher
{
    /// <summary>Claims the shard chunk by chunk and queues adapter batches; waits when the lane is full.</summary>
    private async Task ProduceAsync(DispatchRun run, IChannelAdapter adapter, ChannelLane lane, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var total = request.Recipients.Length;
        var chunkSize = Math.Min(_options.ClaimBatchSize, Math.Max(total, 1));
        var outcomes = ArrayPool<ClaimOutcome>.Shared.Rent(chunkSize);
        var selected = ArrayPool<int>.Shared.Rent(chunkSize);
        var handled = ArrayPool<int>.Shared.Rent(chunkSize);
        try
        {
            for (var offset = 0; offset < total; offset += chunkSize)
            {
                var length = Math.Min(chunkSize, total - offset);
                if (!_currency.IsCurrent(request.Content.VersionId))
                {
                    run.CountSuperseded(total - offset);
                    Log.Superseded(_logger, request.Content.VersionId, request.Channel, total - offset);
                    return;
                }
                var chunk = request.Recipients.Slice(offset, length);
                await ClaimWithRetryAsync(request, chunk, outcomes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                var count = Select(run, chunk.Span, outcomes.AsSpan(0, length), selected);
                await RecordSkippedUnknownAsync(run, chunk, outcomes.AsMemory(0, length)).ConfigureAwait(false);
                count = await LimitPerPersonAsync(run, selected, count, cancellationToken).ConfigureAwait(false);
                var unaddressed = await QueueBatchesAsync(run, adapter, lane, selected.AsMemory(0, count), handled, cancellationToken)
                    .ConfigureAwait(false);
                if (unaddressed > 0)
                {
                    // Nobody to send to is a final answer: confirm, so a re-run does not count them as Unknown.
                    await ConfirmWithRetryAsync(request, handled.AsMemory(0, unaddressed), cancellationToken).ConfigureAwait(false);
                    FallBack(run, handled.AsSpan(0, unaddressed));
                }
            }
        }
        finally
        {
            ArrayPool<ClaimOutcome>.Shared.Return(outcomes);
            ArrayPool<int>.Shared.Return(selected);
            ArrayPool<int>.Shared.Return(handled);
        }
    }

    /// <summary>Keeps the newly claimed recipients, and the unconfirmed ones when the Unknown policy resends them.</summary>
    private int Select(DispatchRun run, ReadOnlySpan<int> chunk, ReadOnlySpan<ClaimOutcome> outcomes, int[] selected)
    {
        // A fallback request skips them: the run that claimed them may still be sending there.
        var resendUnknown = run.Request.Content.Level >= _options.ResendUnknownFrom && run.Request.FallbackChain.Count == 0;
        int count = 0, served = 0, unknown = 0;
        for (var i = 0; i < chunk.Length; i++)
        {
            switch (outcomes[i])
            {
                case ClaimOutcome.Claimed:
                    selected[count++] = chunk[i];
                    break;
                case ClaimOutcome.AlreadyConfirmed:
                    served++;
                    break;
                default:
                    unknown++;
                    if (resendUnknown)
                    {
                        selected[count++] = chunk[i];
                    }
                    break;
            }
        }
        if (unknown > 0)
        {
            Log.UnknownRecipients(_logger, run.Request.Content.VersionId, run.Request.Channel, unknown, resendUnknown ? "resend" : "skip");
        }
        run.CountClaims(served, resendUnknown ? unknown : 0, resendUnknown ? 0 : unknown);
        return count;
    }

    /// <summary>
    /// Writes the recipients the Unknown policy does not resend (claimed by a run that stopped before confirming them,
    /// below <see cref="DispatchOptions.ResendUnknownFrom"/>) into the audit trail as Unknown: skipped, never silently.
    /// </summary>
    private async ValueTask RecordSkippedUnknownAsync(DispatchRun run, ReadOnlyMemory<int> chunk, ReadOnlyMemory<ClaimOutcome> outcomes)
    {
        if (run.Request.Content.Level >= _options.ResendUnknownFrom)
        {
            return;
        }
        List<DeliveryResult>? unknown = null;
        for (var i = 0; i < chunk.Length; i++)
        {
            if (outcomes.Span[i] is not (ClaimOutcome.Claimed or ClaimOutcome.AlreadyConfirmed))
            {
                (unknown ??= []).Add(DeliveryResult.Unknown(chunk.Span[i],
                    "claimed by a run that stopped before confirming it; not resent (Unknown policy for this level)"));
            }
        }
        if (unknown is null)
        {
            return;
        }
        try
        {
            await _sink.RecordAsync(run.Request.Content, run.Request.Channel, unknown, _stopping.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // like a batch's outcomes: a sink failure must not stall the run
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.BatchCrashed(_logger, ex, run.Request.Channel, run.Request.Content.VersionId, unknown.Count);
        }
    }

    /// <summary>Drops people over their personal limit (anti-harassment); Red warnings are never limited.</summary>
    private async ValueTask<int> LimitPerPersonAsync(DispatchRun run, int[] selected, int count, CancellationToken cancellationToken)
    {
        if (_options.PerPersonRate is not { } spec || count == 0 || run.Request.Content.Level == WarningLevel.Red)
        {
            return count;
        }
        var granted = ArrayPool<bool>.Shared.Rent(count);
        try
        {
            await _limiter.AcquireEachAsync($"person:{run.Request.Channel}:", selected.AsMemory(0, count), spec,
                granted.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                if (granted[i])
                {
                    selected[kept++] = selected[i];
                }
            }
            run.CountRateLimited(count - kept);
            return kept;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(granted);
        }
    }

    /// <summary>Addresses recipients and queues batches of the adapter's size; returns how many had no address (in <paramref name="unaddressed"/>).</summary>
    private static async ValueTask<int> QueueBatchesAsync(DispatchRun run, IChannelAdapter adapter, ChannelLane lane,
        ReadOnlyMemory<int> recipients, int[] unaddressed, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var size = adapter.Capabilities.MaxBatchSize;
        var batch = new List<DeliveryRecipient>(Math.Min(size, recipients.Length));
        var missing = 0;
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = recipients.Span[i];
            if (!request.AddressBook.TryGetAddress(recipient, request.Channel, out var address))
            {
                unaddressed[missing++] = recipient;
                continue;
            }
            batch.Add(new DeliveryRecipient(recipient, address));
            if (batch.Count == size)
            {
                await EnqueueAsync(run, lane, batch, cancellationToken).ConfigureAwait(false);
                batch = new List<DeliveryRecipient>(Math.Min(size, recipients.Length - i));
            }
        }
        if (batch.Count > 0)
        {
            await EnqueueAsync(run, lane, batch, cancellationToken).ConfigureAwait(false);
        }
        run.CountNoAddress(missing);
        return missing;
    }

    private static async ValueTask EnqueueAsync(DispatchRun run, ChannelLane lane, List<DeliveryRecipient> recipients,
        CancellationToken cancellationToken)
    {
        run.AddBatch();
        try
        {
            await lane.EnqueueAsync(new LaneItem(run, new DeliveryBatch(run.Request.Content, recipients)), run.Request.Priority,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            run.BatchDone();
            throw;
        }
    }
}
