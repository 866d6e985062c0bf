using MQTTnet;
using MQTTnet.Protocol;
using Warning.Engine.Channels;

namespace Warning.Channels.Mqtt;

public sealed partial class MqttGatewayClient
{
    // The broker's receive maximum: QoS 1 publishes awaiting their PUBACK at once. MQTTnet does not enforce it.
    private readonly SemaphoreSlim _inflight;

    /// <summary>
    /// Publishes each message with QoS 1 and writes its result into <paramref name="results"/> at its slot: a PUBACK
    /// is Sent (the broker has it), no broker or no PUBACK in time is TransientFailure (safe to resend: the msgId
    /// is idempotent), a broker refusal for good (not authorised, bad topic) is Rejected.
    /// </summary>
    internal async ValueTask PublishAsync(IReadOnlyList<DeviceMessage> messages, DeliveryResult[] results,
        CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        if (!await TryConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var m in messages)
            {
                results[m.Slot] = DeliveryResult.Transient(m.Recipient, $"MQTT broker unavailable: {_lastFailure}");
            }
            return;
        }
        var pending = new Task[messages.Count];
        for (var i = 0; i < pending.Length; i++)
        {
            pending[i] = PublishOneAsync(messages[i], results, cancellationToken);
        }
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    private async Task PublishOneAsync(DeviceMessage message, DeliveryResult[] results, CancellationToken cancellationToken)
    {
        await _inflight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var answer = await _client.PublishAsync(ToMqtt(message), cancellationToken).ConfigureAwait(false);
            results[message.Slot] = ToResult(message, answer.ReasonCode, answer.ReasonString);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            results[message.Slot] = DeliveryResult.Transient(message.Recipient, $"no PUBACK from the MQTT broker: {e.Message}");
        }
        finally
        {
            _inflight.Release();
        }
    }

    private static MqttApplicationMessage ToMqtt(DeviceMessage message) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithMessageExpiryInterval(message.ExpirySeconds)
            .WithContentType("application/json")
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .Build();

    private static DeliveryResult ToResult(DeviceMessage message, MqttClientPublishReasonCode code, string? reason) => code switch
    {
        MqttClientPublishReasonCode.Success => DeliveryResult.Sent(message.Recipient, message.MsgId),
        // The broker dropped it: nobody holds a session on the device's topic (never connected, or its session
        // expired). A later attempt may find the device back.
        MqttClientPublishReasonCode.NoMatchingSubscribers =>
            DeliveryResult.Transient(message.Recipient, $"no device session on {message.Topic}"),
        MqttClientPublishReasonCode.NotAuthorized or MqttClientPublishReasonCode.TopicNameInvalid
            or MqttClientPublishReasonCode.PayloadFormatInvalid =>
            DeliveryResult.Rejected(message.Recipient, $"MQTT broker refused {message.Topic}: {code} {reason}"),
        _ => DeliveryResult.Transient(message.Recipient, $"MQTT broker answered {code} {reason}"),
    };
}
