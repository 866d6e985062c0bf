using System.Text;
using MQTTnet;
using Warning.Engine.Persistence;

namespace Warning.Channels.Mqtt;

public sealed partial class MqttGatewayClient
{
    private const int MaxRawAckLength = 1024;

    /// <summary>
    /// A device acknowledgement becomes a provider receipt for the delivery sent with its msgId. MQTTnet sends our
    /// PUBACK only after this returns, so an acknowledgement whose receipt was not stored comes again after a crash.
    /// </summary>
    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (!Topics.TryParseAck(message.Topic, out var channel, out _))
        {
            return;
        }
        var ack = DeviceJson.ReadAck(message.Payload);
        if (ack is not { MsgId.Length: > 0 } || !(ack.IsDone || ack.IsFailed))
        {
            Log.AckUnreadable(_logger, message.Topic);
            return;
        }
        var raw = message.Payload.Length <= MaxRawAckLength ? Encoding.UTF8.GetString(message.Payload) : null;
        var receipt = new ProviderReceipt(channel, ack.MsgId, ack.IsDone ? DeliveryState.Delivered : DeliveryState.Failed,
            _timeProvider.GetUtcNow(), raw);
        try
        {
            await _receipts.RecordAsync([receipt], _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the broker keeps the unacknowledged message for our next session.
        }
#pragma warning disable CA1031 // The MQTT receive loop must survive a failing sink; the failure is logged.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Log.ReceiptNotRecorded(_logger, failure, message.Topic);
        }
    }
}
