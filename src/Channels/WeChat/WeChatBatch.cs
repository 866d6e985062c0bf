using Microsoft.Extensions.Logging;
using Warning.Engine.Channels;

namespace Warning.Channels.WeChat;

/// <summary>Helpers the three WeChat adapters share: bounded per-recipient calls, token failures, quota pauses.</summary>
internal static class WeChatBatch
{
    /// <summary>Calls <paramref name="send"/> for each recipient, at most <paramref name="parallelism"/> at a time, results in order.</summary>
    public static async ValueTask<IReadOnlyList<DeliveryResult>> EachAsync(DeliveryBatch batch, int parallelism,
        Func<DeliveryRecipient, CancellationToken, ValueTask<DeliveryResult>> send, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var results = new DeliveryResult[batch.Recipients.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length), parallel,
            async (i, token) => results[i] = await send(batch.Recipients[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    public static DeliveryResult TokenFailure(int recipient, AccessTokenUnavailableException e) =>
        e.IsTransient ? DeliveryResult.Transient(recipient, e.Message) : DeliveryResult.Failed(recipient, e.Message);

    public static void LogThrottling(ILogger logger, string channel, IReadOnlyList<DeliveryResult> results)
    {
        var throttled = results.Count(r => r.IsThrottled);
        if (throttled > 0)
        {
            Log.Throttled(logger, channel, throttled, results.First(r => r.IsThrottled).Detail);
        }
    }

    /// <summary>Official Account quotas are daily and reset at midnight Beijing time.</summary>
    public static TimeSpan UntilNextBeijingDay(TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow().ToOffset(WarningSummary.BeijingOffset);
        var midnight = new DateTimeOffset(now.Date.AddDays(1), WarningSummary.BeijingOffset);
        return midnight - now;
    }
}
