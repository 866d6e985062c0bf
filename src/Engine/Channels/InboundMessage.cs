namespace Warning.Engine.Channels;

/// <summary>
/// A message a recipient sent to us over a channel (SMS mobile-originated, a WeChat reply): <see cref="From"/> is
/// the sender's address on that channel (a phone number), <see cref="To"/> the service address it was sent to.
/// </summary>
public sealed record InboundMessage(string Channel, string From, string To, string Text, DateTimeOffset ReceivedAt)
{
    /// <summary>The provider's id of the message, when it gives one.</summary>
    public string? ProviderMessageId { get; init; }
}
