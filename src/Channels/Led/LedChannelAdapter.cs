using Warning.Channels.Mqtt;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Led;

/// <summary>
/// LED signs over MQTT (<see cref="MqttTopics"/>): each sign gets a "show" command with the text laid out for its
/// own lines × characters (<see cref="LedTextLayout"/>). A Cancel version becomes a "clear" of its thread; expiry
/// clears through <see cref="ClearAsync"/>. Results: PUBACK → Sent (with the command's msgId), the sign's
/// acknowledgement later → a Delivered receipt, no broker → TransientFailure.
/// </summary>
public sealed class LedChannelAdapter(LedChannelOptions options, MqttGatewayClient gateway, ILedGeometrySource geometries,
    TimeProvider timeProvider) : IChannelAdapter, IDeviceClearingChannel
{
    public string Name => ChannelNames.Led;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxBatchSize = options.MaxBatchSize,
        MaxTextLength = options.MaxTextLength,
        SupportsDeliveryReceipts = true,
    };

    public ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var content = batch.Content;
        if (content.MsgType == MessageType.Cancel)
        {
            return ClearAsync(new DeviceClearRequest(content.ThreadId, content.VersionId, DeviceClearReason.Cancelled, batch.Recipients),
                cancellationToken);
        }
        if (content.Text.Length is 0 || content.Text.Length > options.MaxTextLength)
        {
            var why = $"LED text must be 1 to {options.MaxTextLength} characters, not {content.Text.Length}";
            return ValueTask.FromResult(DeviceCommandBatch.Fill(new DeliveryResult[batch.Recipients.Count], batch.Recipients,
                r => DeliveryResult.Rejected(r, why)));
        }
        var expiry = MessageExpiry.Seconds(content.Expires, timeProvider.GetUtcNow(), gateway.Options.DefaultMessageExpiry);
        var pagesByGeometry = new Dictionary<LedGeometry, string[][]>();
        return DeviceCommandBatch.SendAsync(gateway, Name, batch.Recipients, expiry, device => Show(content, device, pagesByGeometry),
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<DeliveryResult>> ClearAsync(DeviceClearRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DeviceCommandBatch.ClearAsync(gateway, Name, DeviceActions.Clear, request, cancellationToken);
    }

    private DeviceCommand Show(DeliveryContent content, string device, Dictionary<LedGeometry, string[][]> pagesByGeometry)
    {
        var geometry = geometries.TryGetGeometry(device, out var known) ? known : options.DefaultGeometry;
        if (!pagesByGeometry.TryGetValue(geometry, out var pages))
        {
            pages = LedTextLayout.Paginate(content.Text, geometry);
            pagesByGeometry.Add(geometry, pages);
        }
        return new DeviceCommand(MessageIds.For(content.VersionId, device, DeviceActions.Show), DeviceActions.Show, content.ThreadId,
            content.VersionId)
        {
            MsgType = content.MsgType.ToString(),
            Level = content.Level?.ToString(),
            Drill = content.Status is AlertStatus.Exercise or AlertStatus.Test,
            Pages = pages,
            PageSeconds = options.PageSeconds,
            ExpiresAt = content.Expires,
        };
    }
}
