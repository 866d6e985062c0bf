namespace Warning.Engine.Acknowledgement;

/// <summary>
/// One official's duty to answer one version: the short <see cref="Code"/> an SMS reply may carry, the escalation
/// step reached and, once answered, who answered, how and when. <see cref="PersonId"/> is the official first asked;
/// deputies and supervisors answer for it. Links carry a token of their own per message (<see cref="AcknowledgementContact"/>).
/// </summary>
public sealed record AcknowledgementRequest(
    string RequestId,
    string ThreadId,
    string VersionId,
    string AreaCode,
    string PersonId,
    string Code,
    string Headline,
    bool Drill,
    DateTimeOffset CreatedAt)
{
    public EscalationStep Step { get; init; }

    public AcknowledgementState State { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public string? AnsweredBy { get; init; }

    /// <summary>"sms", "link" or "console".</summary>
    public string? AnswerChannel { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
}
