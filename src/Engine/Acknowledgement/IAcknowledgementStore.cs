namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Where 叫应 requests and their contacts live (tables from Persistence/Migrations/*/0006_acknowledgements.sql).
/// State changes are conditional, so an answer and a deadline racing on two nodes resolve to one winner.
/// </summary>
public interface IAcknowledgementStore
{
    Task AddAcknowledgementRequestsAsync(IReadOnlyList<AcknowledgementRequest> requests, CancellationToken cancellationToken);

    Task AddAcknowledgementContactsAsync(IReadOnlyList<AcknowledgementContact> contacts, CancellationToken cancellationToken);

    Task<AcknowledgementRequest?> GetAcknowledgementRequestAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>The request a link token was sent for, and the person it was sent to; null for an unknown token.</summary>
    Task<AcknowledgementMatch?> FindAcknowledgementByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>Requests of a version, by area code then request id.</summary>
    Task<IReadOnlyList<AcknowledgementRequest>> ListAcknowledgementRequestsAsync(string versionId, CancellationToken cancellationToken);

    /// <summary>Pending requests of every version: to schedule their deadlines again after a restart.</summary>
    Task<IReadOnlyList<AcknowledgementRequest>> ListPendingAcknowledgementRequestsAsync(CancellationToken cancellationToken);

    /// <summary>Pending requests of older versions of a thread (everything but <paramref name="exceptVersionId"/>).</summary>
    Task<IReadOnlyList<AcknowledgementRequest>> ListPendingAcknowledgementRequestsOfThreadAsync(string threadId,
        string exceptVersionId, CancellationToken cancellationToken);

    /// <summary>Pending requests for which a message went to this address hash on this channel, with its person.</summary>
    Task<IReadOnlyList<AcknowledgementMatch>> FindPendingAcknowledgementsByAddressAsync(string channel, string addressHash,
        CancellationToken cancellationToken);

    /// <summary>Contacts of a version's requests, oldest first.</summary>
    Task<IReadOnlyList<AcknowledgementContact>> ListAcknowledgementContactsAsync(string versionId, CancellationToken cancellationToken);

    /// <summary>Pending → Answered; false when the request is no longer pending (someone else won).</summary>
    Task<bool> TryAnswerAcknowledgementAsync(string requestId, string answeredBy, string channel, DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Moves a pending request from step <paramref name="from"/> to <paramref name="to"/>; false when it was not there.</summary>
    Task<bool> TryAdvanceAcknowledgementAsync(string requestId, EscalationStep from, EscalationStep to, DateTimeOffset dueAt,
        CancellationToken cancellationToken);

    /// <summary>Pending → <paramref name="state"/> (Unanswered or Closed); false when it was not pending.</summary>
    Task<bool> TryEndAcknowledgementAsync(string requestId, AcknowledgementState state, CancellationToken cancellationToken);
}
