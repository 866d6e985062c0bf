namespace Warning.Engine.Dispatch;

public sealed partial class FanOutDispatcher
{
    /// <summary>
    /// Claims a chunk, waiting out a store outage (design: "if Redis drops mid-fan-out, claiming pauses and
    /// retries"). When an attempt failed, its claim may still have committed; the retry then sees those recipients
    /// as claimed-not-confirmed although they are ours, so after a failed attempt such outcomes count as Claimed.
    /// Confirmed recipients are never taken back, so nothing confirmed is sent twice.
    /// </summary>
    private async Task ClaimWithRetryAsync(DispatchRequest request, ReadOnlyMemory<int> chunk, Memory<ClaimOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var failedBefore = false;
        await WithStoreRetryAsync(async () =>
        {
            try
            {
                await _ledger.ClaimAsync(request.Scope, chunk, outcomes, request.TimeToLive, cancellationToken).ConfigureAwait(false);
            }
            catch (DispatchStoreUnavailableException)
            {
                failedBefore = true;
                throw;
            }
        }, request, cancellationToken).ConfigureAwait(false);
        if (failedBefore)
        {
            var span = outcomes.Span;
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] == ClaimOutcome.ClaimedNotConfirmed)
                {
                    span[i] = ClaimOutcome.Claimed;
                }
            }
        }
    }

    private Task ConfirmWithRetryAsync(DispatchRequest request, ReadOnlyMemory<int> recipients, CancellationToken cancellationToken) =>
        WithStoreRetryAsync(() => _ledger.ConfirmAsync(request.Scope, recipients, cancellationToken).AsTask(), request, cancellationToken);

    /// <summary>Retries <paramref name="operation"/> while the store is unavailable, with backoff, for at most the outage window.</summary>
    private async Task WithStoreRetryAsync(Func<Task> operation, DispatchRequest request, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation().ConfigureAwait(false);
                return;
            }
            catch (DispatchStoreUnavailableException ex) when (_time.GetElapsedTime(started) < _options.StoreOutageWindow)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(5_000, 50 * Math.Pow(2, Math.Min(attempt, 10))));
                Log.StoreUnavailable(_logger, ex, request.Content.VersionId, request.Channel, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
