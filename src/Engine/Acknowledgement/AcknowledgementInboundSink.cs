using Warning.Engine.Channels;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Where SMS replies go (the SMPP adapter's <see cref="IInboundMessageSink"/>): 叫应 answers are taken, every message
/// is also handed to <paramref name="next"/> (another follower of replies, if the host has one).
/// </summary>
public sealed class AcknowledgementInboundSink(AcknowledgementService acknowledgements, IInboundMessageSink? next = null) : IInboundMessageSink
{
    public async ValueTask RecordAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await acknowledgements.AnswerBySmsAsync(message, cancellationToken).ConfigureAwait(false);
        if (next is not null)
        {
            await next.RecordAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }
}
