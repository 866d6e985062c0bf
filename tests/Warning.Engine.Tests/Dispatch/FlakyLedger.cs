using Warning.Engine.Dispatch;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>
/// Wraps a real ledger and, on every third call, lets the call commit and then loses the answer, as a dropped
/// Redis connection does after the script ran.
/// </summary>
internal sealed class FlakyLedger(IDeliveryLedger inner) : IDeliveryLedger
{
    private int _calls;

    public int Failures { get; private set; }

    public async ValueTask ClaimAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, Memory<ClaimOutcome> outcomes,
        TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        await inner.ClaimAsync(scope, recipients, outcomes, timeToLive, cancellationToken);
        LoseTheAnswerSometimes();
    }

    public async ValueTask ConfirmAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, CancellationToken cancellationToken)
    {
        await inner.ConfirmAsync(scope, recipients, cancellationToken);
        LoseTheAnswerSometimes();
    }

    private void LoseTheAnswerSometimes()
    {
        if (Interlocked.Increment(ref _calls) % 3 == 0)
        {
            Failures++;
            throw new DispatchStoreUnavailableException("connection lost after the script ran");
        }
    }
}
