using Warning.Channels.Mqtt;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Broadcast;

/// <summary>
/// Broadcast loudspeaker terminals over MQTT (<see cref="MqttTopics"/>): each terminal gets a "play" command with
/// the text and a repeat count by level (<see cref="BroadcastChannelOptions.Repeats"/>). A Cancel version becomes a
/// "stop" of its thread; expiry stops through <see cref="ClearAsync"/>. Results as for LED signs.
/// </summary>
public sealed class BroadcastChannelAdapter(BroadcastChannelOptions options, MqttGatewayClient gateway, TimeProvider timeProvider)
    : IChannelAdapter, IDeviceClearingChannel
{
    public string Name => ChannelNames.Broadcast;

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
            var why = $"broadcast text must be 1 to {options.MaxTextLength} characters, not {content.Text.Length}";
            return ValueTask.FromResult(DeviceCommandBatch.Fill(new DeliveryResult[batch.Recipients.Count], batch.Recipients,
                r => DeliveryResult.Rejected(r, why)));
        }
        var expiry = MessageExpiry.Seconds(content.Expires, timeProvider.GetUtcNow(), gateway.Options.DefaultMessageExpiry);
        var repeat = options.RepeatFor(content.Level);
        return DeviceCommandBatch.SendAsync(gateway, Name, batch.Recipients, expiry,
            device => new DeviceCommand(MessageIds.For(content.VersionId, device, DeviceActions.Play), DeviceActions.Play,
                content.ThreadId, content.VersionId)
            {
                MsgType = content.MsgType.ToString(),
                Level = content.Level?.ToString(),
                Drill = content.Status is AlertStatus.Exercise or AlertStatus.Test,
                Text = content.Text,
                Repeat = repeat,
                ExpiresAt = content.Expires,
            },
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<DeliveryResult>> ClearAsync(DeviceClearRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DeviceCommandBatch.ClearAsync(gateway, Name, DeviceActions.Stop, request, cancellationToken);
    }
}
