namespace Warning.Engine.Channels;

/// <summary>
/// A delivery channel (SMS, LED signs, broadcast terminals, WeChat …) as the engine sees it: one batched call.
/// Adapters are stateless, thread-safe singletons; they never retry, sleep, throttle or fan out — the engine
/// does all of that around them (house-style §2).
/// </summary>
public interface IChannelAdapter
{
    /// <summary>Stable key: "sms", "led", "broadcast", "wechat" …; unique within a host.</summary>
    string Name { get; }

    /// <summary>What the adapter can do; the engine chunks by <see cref="ChannelCapabilities.MaxBatchSize"/>.</summary>
    ChannelCapabilities Capabilities { get; }

    /// <summary>
    /// Sends one batch and returns exactly one result per recipient, in the batch's order. Expected failures are
    /// results (a bad number is <see cref="DeliveryStatus.Rejected"/>, a 5xx or timeout is
    /// <see cref="DeliveryStatus.TransientFailure"/>); it throws only <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires, and on bugs.
    /// </summary>
    ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken);
}
