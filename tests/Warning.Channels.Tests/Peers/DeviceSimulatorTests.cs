using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using Warning.Channels.Broadcast;
using Warning.Channels.Led;
using Warning.Channels.Mqtt;
using Warning.Channels.Tests.Led;
using Warning.Channels.Tests.Mqtt;
using Warning.Engine.Alerts;
using Warning.Engine.Persistence;
using Warning.Peers.Devices;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Peers;

/// <summary>
/// The stand-alone device simulator of Warning.Peers (one client, wildcard subscription, devices found from the
/// topics) driven by the product's own MQTT gateway against the real mosquitto; read back through the counts API.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeviceSimulatorTests : IAsyncDisposable
{
    private const string Text = "暴雨红色预警：请立即转移。";
    private readonly string _district = MqttTestBroker.UniqueDistrict();
    private readonly RecordingReceiptSink _receipts = new();
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LedSign_ShowThenCancel_PageShowsTheLinesThenGoesDarkAndBothAcksBecomeReceipts()
    {
        var (peers, gateway) = await StartAsync();
        var sut = new LedChannelAdapter(new LedChannelOptions(), gateway, new FixedLedGeometrySource(), TimeProvider.System);

        var shown = Assert.Single(await sut.SendAsync(Batch(Content(Text), "LED-0001"), Token));
        await WaitForReceiptsAsync(1);
        var sign = await peers.DeviceAsync("led", "LED-0001", Token);
        var active = Assert.Single(sign["active"]!.AsArray())!;
        Assert.Equal(LedTextLayout.Paginate(Text, new LedChannelOptions().DefaultGeometry), Pages(active));
        Assert.Equal(("thread-1", "v1", "Red"), ((string?)active["threadId"], (string?)active["versionId"], (string?)active["level"]));

        var cleared = Assert.Single(await sut.SendAsync(Batch(Content("解除暴雨红色预警", type: MessageType.Cancel, version: "v2"), "LED-0001"), Token));
        await WaitForReceiptsAsync(2);

        Assert.Empty((await peers.DeviceAsync("led", "LED-0001", Token))["active"]!.AsArray());
        Assert.Equal([shown.ProviderMessageId, cleared.ProviderMessageId], _receipts.Receipts.Select(r => r.ProviderMessageId));
        Assert.All(_receipts.Receipts, r => Assert.Equal(("led", DeliveryState.Delivered), (r.Channel, r.State)));
        var received = await peers.ReceivedAsync("led", Token);
        Assert.Equal([("display", "v1", shown.ProviderMessageId), ("clear", "v2", cleared.ProviderMessageId)],
            received.Select(m => ((string?)m["kind"], (string?)m["version"], (string?)m["messageId"])));
        Assert.All(received, m => Assert.Equal(("LED-0001", "thread-1"), ((string?)m["recipient"], (string?)m["warning"])));
    }

    [Fact]
    public async Task Terminal_PlayThenCancel_PlaysTheTextWithItsRepeatsThenStops()
    {
        var (peers, gateway) = await StartAsync();
        var sut = new BroadcastChannelAdapter(new BroadcastChannelOptions(), gateway, TimeProvider.System);

        await sut.SendAsync(Batch(Content(Text, WarningLevel.Yellow), "BC-01", "BC-02"), Token);
        await WaitForReceiptsAsync(2);
        var playing = Assert.Single((await peers.DeviceAsync("broadcast", "BC-02", Token))["active"]!.AsArray())!;
        Assert.Equal((Text, 2), ((string?)playing["text"], (int?)playing["repeat"]));

        await sut.SendAsync(Batch(Content("解除", type: MessageType.Cancel, version: "v2"), "BC-01", "BC-02"), Token);
        await WaitForReceiptsAsync(4);

        Assert.Empty((await peers.DeviceAsync("broadcast", "BC-01", Token))["active"]!.AsArray());
        Assert.Equal(["play", "play", "clear", "clear"], (await peers.ReceivedAsync("broadcast", Token)).Select(m => (string?)m["kind"]));
    }

    [Fact]
    public async Task LedSign_WarningEndPasses_GoesDarkWithoutAClear()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var (peers, gateway) = await StartAsync(clock);
        var sut = new LedChannelAdapter(new LedChannelOptions(), gateway, new FixedLedGeometrySource(), clock);
        await sut.SendAsync(Batch(Content(Text, expires: clock.GetUtcNow().AddMinutes(10)), "LED-0001"), Token);
        await WaitForReceiptsAsync(1);
        Assert.Single((await peers.DeviceAsync("led", "LED-0001", Token))["active"]!.AsArray());

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty((await peers.DeviceAsync("led", "LED-0001", Token))["active"]!.AsArray());
    }

    [Fact]
    public async Task LedSign_SameVersionSentTwice_ShownOnceAcknowledgedTwiceAndRecordedAsADuplicate()
    {
        var (peers, gateway) = await StartAsync();
        var sut = new LedChannelAdapter(new LedChannelOptions(), gateway, new FixedLedGeometrySource(), TimeProvider.System);

        await sut.SendAsync(Batch(Content(Text), "LED-0001"), Token);
        await sut.SendAsync(Batch(Content(Text), "LED-0001"), Token);
        await WaitForReceiptsAsync(2);

        var sign = await peers.DeviceAsync("led", "LED-0001", Token);
        Assert.Equal((2, 1, 1), ((int?)sign["commands"], (int?)sign["duplicates"], sign["active"]!.AsArray().Count));
        Assert.Equal([false, true], (await peers.ReceivedAsync("led", Token)).Select(m => (bool?)m["duplicate"]));
    }

    [Fact]
    public async Task Command_ActionNoDeviceKnows_AcknowledgedFailedWithTheReason()
    {
        await StartAsync();
        using var engine = new MqttClientFactory().CreateMqttClient();
        var (host, port) = MqttTestBroker.Endpoint;
        await engine.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build(), Token);

        await engine.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"ews/{_district}/led/LED-0009/cmd")
            .WithPayload("""{"msgId":"m-blink","action":"blink","threadId":"t-1","versionId":"v1"}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), Token);
        await WaitForReceiptsAsync(1);

        var receipt = Assert.Single(_receipts.Receipts);
        Assert.Equal(("m-blink", DeliveryState.Failed), (receipt.ProviderMessageId, receipt.State));
        Assert.Contains("unknown action", receipt.Raw, StringComparison.Ordinal);
    }

    private async Task<(PeersServer Peers, MqttGatewayClient Gateway)> StartAsync(TimeProvider? clock = null)
    {
        var (host, port) = await MqttTestBroker.RequireAsync(Token);
        var peers = await PeersServer.StartAsync(new Dictionary<string, string?>
        {
            ["Peers:Devices:Enabled"] = "true",
            ["Peers:Devices:Host"] = host,
            ["Peers:Devices:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Peers:Devices:District"] = _district,
            ["Peers:Devices:ClientId"] = "peers-" + _district,
            ["Peers:Devices:SessionExpiry"] = "00:00:00",
        }, services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
        _owned.Add(peers);
        await peers.Get<DeviceSimulator>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Token);
        var gateway = TestGateway.Create(host, port, _district, _receipts);
        _owned.Add(gateway);
        Assert.True(await gateway.TryConnectAsync(Token));
        return (peers, gateway);
    }

    private Task WaitForReceiptsAsync(int count) =>
        _receipts.Arrived.WaitUntilAsync(() => _receipts.Receipts.Count >= count, $"{count} acknowledgements", Token);

    private static string[][] Pages(JsonNode active) =>
        [.. active["pages"]!.AsArray().Select(p => p!.AsArray().Select(l => (string)l!).ToArray())];

    public async ValueTask DisposeAsync()
    {
        // The gateway first: the simulator's last acknowledgements have nobody left to wait for.
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }
}
