namespace Warning.Engine.Dispatch;

/// <summary>
/// The shared dispatch store (Redis: claim ledger, rate limits) could not be reached or did not answer in time.
/// The batch's outcome is unknown to the caller: nothing from it was reported as claimed or granted, and it may be
/// retried as a whole once the store is back (a claim that did commit then shows as
/// <see cref="ClaimOutcome.ClaimedNotConfirmed"/>, never as a second <see cref="ClaimOutcome.Claimed"/>).
/// </summary>
public sealed class DispatchStoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DispatchStoreUnavailableException()
        : base("The dispatch store is unavailable.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DispatchStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the store client's error.</summary>
    public DispatchStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
