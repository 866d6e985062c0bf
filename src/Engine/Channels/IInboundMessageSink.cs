namespace Warning.Engine.Channels;

/// <summary>
/// Where an adapter hands messages recipients send to us (an SMS reply, an official's "1" confirming a warning:
/// issue 8 叫应). The adapter acknowledges the provider only after the sink returned, so a sink that throws makes
/// the provider deliver the message again; keep it fast and apply back-pressure by awaiting.
/// </summary>
public interface IInboundMessageSink
{
    /// <summary>Records one message a recipient sent to us.</summary>
    ValueTask RecordAsync(InboundMessage message, CancellationToken cancellationToken);
}

/// <summary>A sink that keeps nothing: for hosts that do not follow replies yet.</summary>
public sealed class NullInboundMessageSink : IInboundMessageSink
{
    /// <summary>The shared instance.</summary>
    public static NullInboundMessageSink Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask RecordAsync(InboundMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
