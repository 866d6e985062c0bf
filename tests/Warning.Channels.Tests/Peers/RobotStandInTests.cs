using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Peers;

/// <summary>The group-robot stand-in of Warning.Peers, exercised by the real robot adapter over HTTP.</summary>
public sealed class RobotStandInTests : IAsyncDisposable
{
    private readonly List<PeersServer> _servers = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_RedWarningToTheConfiguredRobot_SentAndRecordedUnderItsNameMentioningAll()
    {
        var peers = await StartAsync();

        var result = Assert.Single(await Adapter(peers).SendAsync(Batch(Content("暴雨红色预警", WarningLevel.Red, version: "v-9"), "duty-room"), Token));

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var received = Assert.Single(await peers.ReceivedAsync("wecom-robot", Token));
        Assert.Equal(("duty-room", "v-9", "send"), ((string?)received["recipient"], (string?)received["warning"], (string?)received["kind"]));
        Assert.Contains("@all", (string?)received["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_KeyThePlatformDoesNotKnow_Rejected()
    {
        var peers = await StartAsync();

        var result = Assert.Single(await Adapter(peers, "some-other-key").SendAsync(Batch(Content("x"), "duty-room"), Token));

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Contains("93000", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_OverTheRobotsPerMinuteLimit_ThrottledUntilTheMinuteHasPassed()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var peers = await StartAsync(new() { ["Peers:Robots:MessagesPerMinute"] = "2" }, s => s.AddSingleton<TimeProvider>(clock));
        var sut = Adapter(peers);

        var results = await sut.SendAsync(Batch(Content("x"), "duty-room", "duty-room", "duty-room"), Token);
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = Assert.Single(await sut.SendAsync(Batch(Content("x"), "duty-room"), Token));

        Assert.Equal((2, 1), (results.Count(r => r.Status == DeliveryStatus.Sent), results.Count(r => r.IsThrottled)));
        Assert.Equal(DeliveryStatus.Sent, later.Status);
        Assert.Equal(3, (await peers.ReceivedAsync("wecom-robot", Token)).Length);
    }

    private async Task<PeersServer> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var server = await PeersServer.StartAsync(settings, services);
        _servers.Add(server);
        return server;
    }

    private static WeComRobotChannelAdapter Adapter(PeersServer peers, string key = "peers-robot-key-duty-room") => new(
        new SimpleHttpClientFactory(),
        Options.Create(new WeComRobotChannelOptions
        {
            ApiBaseUrl = peers.Url("robot"),
            Robots = new Dictionary<string, string>(StringComparer.Ordinal) { ["duty-room"] = key },
            DetailBaseUrl = "https://warning.example.gov.cn",
        }),
        NullLogger<WeComRobotChannelAdapter>.Instance);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
