using System.Collections.Concurrent;

namespace Warning.Engine.Dispatch.InProcess;

/// <summary>
/// The claim ledger of the embedded profile: per <see cref="LedgerScope"/> two bitmaps (claimed, confirmed) over
/// dense recipient indexes, one lock per scope, one lock taken per batch. A scope lives for the time to live of its
/// latest claim (by the injected <see cref="TimeProvider"/>); expired scopes are dropped on a later call.
/// </summary>
public sealed class InProcessDeliveryLedger(TimeProvider timeProvider) : IDeliveryLedger
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<LedgerScope, LedgerBitmaps> _scopes = new();
    private long _nextSweep = long.MinValue;

    /// <inheritdoc />
    public ValueTask ClaimAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, Memory<ClaimOutcome> outcomes,
        TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outcomes.Length, recipients.Length, nameof(outcomes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero, nameof(timeToLive));
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfAnyNegative(recipients.Span);
        var now = Now();
        SweepIfDue(now);
        var source = recipients.Span;
        var target = outcomes.Span;
        while (true)
        {
            var bitmaps = _scopes.GetOrAdd(scope, static _ => new LedgerBitmaps());
            lock (bitmaps)
            {
                if (bitmaps.Retired)
                {
                    continue;
                }
                if (bitmaps.ExpiresAt != 0 && bitmaps.ExpiresAt <= now)
                {
                    bitmaps.Clear();
                }
                for (var i = 0; i < source.Length; i++)
                {
                    target[i] = bitmaps.Claim(source[i]);
                }
                bitmaps.ExpiresAt = now + timeToLive.Ticks;
                return ValueTask.CompletedTask;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask ConfirmAsync(LedgerScope scope, ReadOnlyMemory<int> recipients,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfAnyNegative(recipients.Span);
        if (!_scopes.TryGetValue(scope, out var bitmaps))
        {
            return ValueTask.CompletedTask; // expired or never claimed: as in Redis, nothing to confirm against
        }
        var now = Now();
        lock (bitmaps)
        {
            if (bitmaps.Retired || bitmaps.ExpiresAt <= now)
            {
                return ValueTask.CompletedTask;
            }
            foreach (var recipient in recipients.Span)
            {
                bitmaps.Confirm(recipient);
            }
        }
        return ValueTask.CompletedTask;
    }

    internal int ScopeCount => _scopes.Count;

    private long Now() => timeProvider.GetUtcNow().UtcTicks;

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepInterval.Ticks, due) != due)
        {
            return;
        }
        foreach (var (scope, bitmaps) in _scopes)
        {
            lock (bitmaps)
            {
                if (bitmaps.ExpiresAt != 0 && bitmaps.ExpiresAt <= now)
                {
                    bitmaps.Retired = true;
                    _scopes.TryRemove(new KeyValuePair<LedgerScope, LedgerBitmaps>(scope, bitmaps));
                }
            }
        }
    }

    private static void ThrowIfAnyNegative(ReadOnlySpan<int> recipients)
    {
        foreach (var recipient in recipients)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(recipient, nameof(recipients));
        }
    }
}
