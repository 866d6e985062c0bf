using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;

namespace Warning.Peers.Devices;

/// <summary>The acknowledgement a device publishes: <c>{"msgId","status","detail"?}</c> on its ack topic, QoS 1.</summary>
internal static class DeviceAcks
{
    public static MqttApplicationMessage For(DeviceAddress device, string msgId, DeviceOutcome outcome)
    {
        var payload = new JsonObject { ["msgId"] = msgId, ["status"] = outcome.Status };
        if (outcome.Detail is not null)
        {
            payload["detail"] = outcome.Detail;
        }
        return new MqttApplicationMessageBuilder()
            .WithTopic(device.AckTopic)
            .WithPayload(payload.ToJsonString())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
    }
}
