using Warning.Engine.Channels;

namespace Warning.Channels.Mqtt;

/// <summary>The part of a send that LED signs and broadcast terminals share: one command per device, one result per device.</summary>
internal static class DeviceCommandBatch
{
    /// <summary>
    /// Builds each device's command and publishes it. A device id that cannot be a topic level is Rejected; when
    /// the warning has already expired (<paramref name="expirySeconds"/> null) nothing is published and every
    /// device is Skipped.
    /// </summary>
    public static async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(MqttGatewayClient gateway, string kind,
        IReadOnlyList<DeliveryRecipient> devices, uint? expirySeconds, Func<string, DeviceCommand> commandFor,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var results = new DeliveryResult[devices.Count];
        if (expirySeconds is not { } expiry)
        {
            return Fill(results, devices, static r => DeliveryResult.Skipped(r, "the warning expired before it was sent"));
        }
        var messages = new List<DeviceMessage>(devices.Count);
        for (var slot = 0; slot < results.Length; slot++)
        {
            var device = devices[slot];
            if (!MqttTopics.IsUsableDeviceId(device.Address))
            {
                results[slot] = DeliveryResult.Rejected(device.Recipient, "device id is not usable as an MQTT topic level");
                continue;
            }
            var command = commandFor(device.Address);
            messages.Add(new DeviceMessage(slot, device.Recipient, gateway.Topics.Command(kind, device.Address), command.MsgId,
                DeviceJson.Serialize(command), expiry));
        }
        await gateway.PublishAsync(messages, results, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Tells each device to drop the thread (<paramref name="action"/> is "clear" or "stop").</summary>
    public static ValueTask<IReadOnlyList<DeliveryResult>> ClearAsync(MqttGatewayClient gateway, string kind, string action,
        DeviceClearRequest request, CancellationToken cancellationToken)
    {
        var reason = request.Reason == DeviceClearReason.Expired ? "expired" : "cancelled";
        var expiry = MessageExpiry.Seconds(null, default, gateway.Options.ClearMessageExpiry);
        return SendAsync(gateway, kind, request.Devices, expiry,
            device => new DeviceCommand(MessageIds.For(request.VersionId, device, $"{action}:{reason}"), action, request.ThreadId,
                request.VersionId)
            { Reason = reason },
            cancellationToken);
    }

    public static IReadOnlyList<DeliveryResult> Fill(DeliveryResult[] results, IReadOnlyList<DeliveryRecipient> devices,
        Func<int, DeliveryResult> resultFor)
    {
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = resultFor(devices[i].Recipient);
        }
        return results;
    }
}
