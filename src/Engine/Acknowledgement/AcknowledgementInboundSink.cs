using Warning.Engine.Channels;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Where SMS replies go (the SMPP adapter's <see cref="IInboundMessageSink"/>): 叫应 answers are taken, and every
/// message is also handed to <paramref name="next"/> (another follower of replies, if the host has one). The service
/// comes lazily because it sends through the very adapter this sink is given to.
/// </summary>
public sealed class AcknowledgementInboundSink(Lazy<AcknowledgementService> acknowledgements, IInboundMessageSink? next = null)
    : IInboundMessageSink
{
    public async ValueTask RecordAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await acknowledgements.Value.AnswerBySmsAsync(message, cancellationToken).ConfigureAwait(false);
        if (next is not null)
        {
            await next.RecordAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }
}
