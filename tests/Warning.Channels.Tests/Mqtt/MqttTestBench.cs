using Warning.Channels.Mqtt;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Peers.Devices;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>
/// One test's broker world: its own district, a fleet of devices (each its own MQTT session), a gateway with a recording receipt
/// sink. Disposing it disconnects everything and ends the devices' sessions.
/// </summary>
internal sealed class MqttTestBench : IAsyncDisposable
{
    private MqttTestBench(DeviceFleet devices, MqttGatewayClient gateway, RecordingReceiptSink receipts)
    {
        (Devices, Gateway, Receipts) = (devices, gateway, receipts);
    }

    public DeviceFleet Devices { get; }

    public MqttGatewayClient Gateway { get; }

    public RecordingReceiptSink Receipts { get; }

    public static async Task<MqttTestBench> StartAsync(string kind, IEnumerable<string> deviceIds, CancellationToken cancellationToken,
        TimeProvider? timeProvider = null)
    {
        var (host, port) = await MqttTestBroker.RequireAsync(cancellationToken);
        var district = MqttTestBroker.UniqueDistrict();
        var devices = await DeviceFleet.StartAsync(host, port, district, kind, deviceIds, cancellationToken);
        var receipts = new RecordingReceiptSink();
        var gateway = TestGateway.Create(host, port, district, receipts, timeProvider);
        Assert.True(await gateway.TryConnectAsync(cancellationToken));
        return new MqttTestBench(devices, gateway, receipts);
    }

    public static DeliveryContent Content(string text, WarningLevel level = WarningLevel.Red, DateTimeOffset? expires = null,
        MessageType type = MessageType.Alert, string version = "v1", string thread = "thread-1") =>
        new(thread, version, type, AlertStatus.Actual, level, text, expires);

    public static DeliveryBatch Batch(DeliveryContent content, params string[] deviceIds) =>
        new(content, [.. deviceIds.Select((id, i) => new DeliveryRecipient(i + 1, id))]);

    public Task WaitForReceiptsAsync(int count, CancellationToken cancellationToken) =>
        Receipts.Arrived.WaitUntilAsync(() => Receipts.Receipts.Count >= count, $"{count} receipts", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Devices.DisposeAsync();
    }
}
