using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Peers;

/// <summary>What an end-to-end test reads: GET /api/received, GET /api/devices, POST /api/reset, and the page itself.</summary>
public sealed class CountsApiTests : IAsyncLifetime
{
    private PeersServer _peers = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _peers = await PeersServer.StartAsync();

    [Fact]
    public async Task Received_NothingSentYet_ListsTheSixChannelsEachEmpty()
    {
        var received = await _peers.GetJsonAsync("api/received", Token);

        Assert.Equal(["led", "broadcast", "wechat", "wecom", "wecom-robot", "broadcast-platform"], received.Select(p => p.Key));
        Assert.All(received, p => Assert.Empty(p.Value!.AsArray()));
    }

    [Fact]
    public async Task Received_OneRobotMessage_EntryCarriesExactlyTheDocumentedFields()
    {
        await RobotSendAsync();

        var entry = Assert.Single(await _peers.ReceivedAsync("wecom-robot", Token));

        Assert.Equal(["channel", "recipient", "warning", "version", "messageId", "kind", "text", "duplicate", "at", "detail"],
            entry.Select(p => p.Key));
        Assert.Equal("wecom-robot", (string?)entry["channel"]);
    }

    [Fact]
    public async Task Reset_AfterASend_EmptiesTheRecord()
    {
        await RobotSendAsync();
        Assert.Single(await _peers.ReceivedAsync("wecom-robot", Token));

        using var reset = await _peers.Http.PostAsync("api/reset", null, Token);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(await _peers.ReceivedAsync("wecom-robot", Token));
    }

    [Fact]
    public async Task Devices_SimulatorSwitchedOff_NoDevicesAndTheBrokerNotConnected()
    {
        var devices = await _peers.GetJsonAsync("api/devices", Token);

        Assert.Empty(devices["devices"]!.AsArray());
        Assert.Equal((false, "ews/440199/+/+/cmd"), ((bool?)devices["broker"]!["connected"], (string?)devices["broker"]!["filter"]));
    }

    [Fact]
    public async Task Page_Root_IsTheChineseDevicePageSayingItIsOurSimulator()
    {
        using var page = await _peers.Http.GetAsync("/", Token);
        var html = await page.Content.ReadAsStringAsync(Token);
        var script = await _peers.Http.GetStringAsync("devices.js", Token);

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("设备模拟器", html, StringComparison.Ordinal);
        Assert.Contains("不是任何厂商的产品", html, StringComparison.Ordinal);
        Assert.Contains("new EventSource('/api/events')", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peers_Default_ReportsTheBaseUrlsAndCredentialsInUse()
    {
        var about = await _peers.GetJsonAsync("api/peers", Token);

        Assert.Equal(_peers.Url("wechat"), (string?)about["wechat"]!["apiBaseUrl"]);
        Assert.Equal(_peers.Url("ebd"), (string?)about["broadcastPlatform"]!["platformUrl"]);
        Assert.Equal("peers-robot-key-duty-room", (string?)about["wecomRobot"]!["robots"]!["duty-room"]);
    }

    private async Task RobotSendAsync()
    {
        var sut = new WeComRobotChannelAdapter(new SimpleHttpClientFactory(), Options.Create(new WeComRobotChannelOptions
        {
            ApiBaseUrl = _peers.Url("robot"),
            Robots = new Dictionary<string, string>(StringComparer.Ordinal) { ["duty-room"] = "peers-robot-key-duty-room" },
            DetailBaseUrl = "https://warning.example.gov.cn",
        }), NullLogger<WeComRobotChannelAdapter>.Instance);
        await sut.SendAsync(Batch(Content("x"), "duty-room"), Token);
    }

    public async ValueTask DisposeAsync() => await _peers.DisposeAsync();
}
