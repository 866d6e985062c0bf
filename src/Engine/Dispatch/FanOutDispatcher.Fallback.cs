using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

public sealed partial class FanOutDispatcher
{
    /// <summary>
    /// Hands recipients this channel could not serve to the next channel of its fallback chain (DispatchOptions.Fallbacks),
    /// as a dispatch of their own on that channel, claimed in that channel's ledger, so nobody gets the fallback twice.
    /// The run waits for it before it completes.
    /// </summary>
    private void FallBack(DispatchRun run, ReadOnlySpan<int> recipients)
    {
        var request = run.Request;
        if (recipients.IsEmpty || NextFallback(request) is not { } channel)
        {
            return;
        }
        var fallback = request with
        {
            // The fallback channel's own text (an SMS cut to 70 characters is not what a WeChat message should say).
            Content = request.Content.ForChannel(channel),
            Channel = channel,
            Recipients = recipients.ToArray(),
            FallbackChain = [.. request.FallbackChain, request.Channel],
        };
        run.CountFellBack(recipients.Length);
        run.AddBatch();
        Log.FallingBack(_logger, request.Content.VersionId, request.Channel, channel, recipients.Length);
        _ = Task.Run(async () =>
        {
            try
            {
                await DispatchAsync(fallback, _stopping.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A fallback that cannot run must not fault the run that started it; its recipients stay failed here.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.BatchCrashed(_logger, ex, channel, request.Content.VersionId, fallback.Recipients.Length);
            }
            finally
            {
                run.BatchDone();
            }
        });
    }

    /// <summary>Recipients whose answer on this channel was final and not a success.</summary>
    private void FallBack(DispatchRun run, IReadOnlyList<DeliveryResult> results)
    {
        if (NextFallback(run.Request) is null)
        {
            return;
        }
        var lost = results.Where(r => r.Status is DeliveryStatus.Failed or DeliveryStatus.Rejected).Select(r => r.Recipient).ToArray();
        FallBack(run, lost);
    }

    private string? NextFallback(DispatchRequest request) =>
        _options.Fallbacks.TryGetValue(request.Channel, out var next)
        && !string.Equals(next, request.Channel, StringComparison.OrdinalIgnoreCase)
        && !request.FallbackChain.Contains(next, StringComparer.OrdinalIgnoreCase)
        && _adapters.TryGet(next, out _)
            ? next
            : null;
}
