using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using Warning.Channels.Led;
using Warning.Channels.Tests.Led;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;
using Warning.Peers.Devices;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Mqtt;

[Trait("Category", "Integration")]
public sealed class MqttGatewayClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_BrokerDown_TransientResultsUntilItIsBackThenSent()
    {
        await using var broker = await PrivateMosquitto.StartAsync(Token);
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var district = MqttTestBroker.UniqueDistrict();
        await using var devices = await DeviceFleet.StartAsync("127.0.0.1", broker.Port, district, "led", ["led-1"], Token);
        await using var gateway = TestGateway.Create("127.0.0.1", broker.Port, district, new RecordingReceiptSink(), clock,
            o => o.ReconnectDelay = TimeSpan.FromSeconds(2));
        var sut = new LedChannelAdapter(new LedChannelOptions(), gateway, new FixedLedGeometrySource(), clock);
        var batch = Batch(Content("暴雨预警"), "led-1");

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await sut.SendAsync(batch, Token)).Status);

        await broker.KillAsync();
        var whileDown = Assert.Single(await sut.SendAsync(batch, Token));
        Assert.Equal(DeliveryStatus.TransientFailure, whileDown.Status);

        await broker.RestartAsync(Token);
        await devices["led-1"].ConnectAsync(Token);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await sut.SendAsync(batch, Token)).Status);
    }

    [Fact]
    public async Task SendAsync_NoBrokerEver_EveryDeviceTransientWithTheReason()
    {
        await using var gateway = TestGateway.Create("127.0.0.1", MqttTestBroker.ClosedPort(), MqttTestBroker.UniqueDistrict(),
            new RecordingReceiptSink());
        var sut = new LedChannelAdapter(new LedChannelOptions(), gateway, new FixedLedGeometrySource(), TimeProvider.System);

        var results = await sut.SendAsync(Batch(Content("暴雨预警"), "led-1", "led-2"), Token);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.TransientFailure, r.Status));
        Assert.All(results, r => Assert.StartsWith("MQTT broker unavailable", r.Detail, StringComparison.Ordinal));
        Assert.False(gateway.IsConnected);
    }

    [Fact]
    public async Task Acknowledgement_FailedOrUnreadable_FailedReceiptOrIgnored()
    {
        await using var bench = await StartAsync("led", [], Token);
        using var device = new MqttClientFactory().CreateMqttClient();
        var (host, port) = MqttTestBroker.Endpoint;
        await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build(), Token);
        var topic = $"ews/{bench.Devices.District}/led/led-9/ack";

        await device.PublishAsync(Ack(topic, "not json at all"), Token);
        await device.PublishAsync(Ack(topic, """{"msgId":"m-1","status":"failed","detail":"lamp fault"}"""), Token);
        await bench.WaitForReceiptsAsync(1, Token);

        var receipt = Assert.Single(bench.Receipts.Receipts);
        Assert.Equal(("led", "m-1", DeliveryState.Failed), (receipt.Channel, receipt.ProviderMessageId, receipt.State));
        Assert.Contains("lamp fault", receipt.Raw, StringComparison.Ordinal);
    }

    private static MqttApplicationMessage Ack(string topic, string payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
}
