namespace Warning.Engine.Acknowledgement;

/// <summary>A request and the person a message for it went to (who answers when that message is answered).</summary>
public sealed record AcknowledgementMatch(AcknowledgementRequest Request, string PersonId);
