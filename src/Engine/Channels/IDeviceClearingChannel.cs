namespace Warning.Engine.Channels;

/// <summary>
/// A channel whose devices keep a warning on show (LED signs) or on repeat (broadcast terminals) until told to
/// stop. A Cancel needs no call here: the Cancel version is sent through <see cref="IChannelAdapter.SendAsync"/>
/// like any other and the adapter turns it into a clear. Expiry has no version of its own, so the expiry job calls
/// <see cref="ClearAsync"/> for the devices that received the thread. Registered in DI next to the adapter, so
/// the engine finds clearing channels by asking for them, not by type checks.
/// </summary>
public interface IDeviceClearingChannel
{
    /// <summary>The channel name, equal to the adapter's <see cref="IChannelAdapter.Name"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Tells each device to drop the thread: one result per device, in order, with the same rules as
    /// <see cref="IChannelAdapter.SendAsync"/> (results not exceptions, no retries, at most MaxBatchSize devices).
    /// </summary>
    ValueTask<IReadOnlyList<DeliveryResult>> ClearAsync(DeviceClearRequest request, CancellationToken cancellationToken);
}
