namespace Warning.Engine.Acknowledgement;

/// <summary>
/// One message sent for a request: to whom, on which channel, at which step, and what the adapter said.
/// The address itself is kept only as a hash (<see cref="AddressHash"/>), enough to match an SMS reply to it; a
/// message with a link carries an unguessable <see cref="Token"/>, which tells who opened it.
/// </summary>
public sealed record AcknowledgementContact(
    string RequestId,
    string PersonId,
    string Channel,
    string AddressHash,
    EscalationStep Step,
    DateTimeOffset At,
    string Status,
    string? Token = null,
    string? Detail = null);
