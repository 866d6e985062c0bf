using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using Warning.Engine.Channels;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Peers;

/// <summary>
/// The Official Account stand-in of Warning.Peers, exercised by the real WeChat adapter over HTTP: the stand-in
/// must accept what the adapter sends, refuse what the platform refuses with the platform's codes, and record it.
/// </summary>
public sealed class WeChatStandInTests : IAsyncDisposable
{
    private const string Identifier = "44019900000000_20260720080000_1";
    private readonly List<PeersServer> _servers = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_TwoFollowers_SentWithTheStandInsMsgidAndRecordedPerOpenid()
    {
        var peers = await StartAsync();

        var results = await Adapter(peers).SendAsync(Batch(Content("暴雨红色预警", version: Identifier), "oOPENID1", "oOPENID2"), Token);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var received = await peers.ReceivedAsync("wechat", Token);
        Assert.Equal(["oOPENID1", "oOPENID2"], received.Select(m => (string?)m["recipient"]).Order());
        Assert.All(received, m => Assert.Equal((Identifier, "send", false), ((string?)m["warning"], (string?)m["kind"], (bool?)m["duplicate"])));
        Assert.Equal(results.Select(r => r.ProviderMessageId).Order(), received.Select(m => (string?)m["messageId"]).Order());
    }

    [Fact]
    public async Task SendAsync_WrongAppSecret_FailedWithThePlatformsCodeAndNothingRecorded()
    {
        var peers = await StartAsync();

        var result = Assert.Single(await Adapter(peers, o => o.AppSecret = "not-the-secret").SendAsync(Batch(Content("x"), "oOPENID1"), Token));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Contains("40125", result.Detail, StringComparison.Ordinal);
        Assert.Empty(await peers.ReceivedAsync("wechat", Token));
    }

    [Fact]
    public async Task SendAsync_OneRecipientNotFollowing_RejectedAndTheFollowerSent()
    {
        var peers = await StartAsync(new() { ["Peers:WeChat:Followers:0"] = "oFOLLOWER" });

        var results = await Adapter(peers).SendAsync(Batch(Content("x"), "oFOLLOWER", "oSTRANGER"), Token);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Rejected], results.Select(r => r.Status));
        Assert.Contains("43004", results[1].Detail, StringComparison.Ordinal);
        Assert.Equal("oFOLLOWER", (string?)Assert.Single(await peers.ReceivedAsync("wechat", Token))["recipient"]);
    }

    [Fact]
    public async Task SendAsync_SameVersionTwice_SecondRecordedAsDuplicate()
    {
        var peers = await StartAsync();
        var sut = Adapter(peers);

        await sut.SendAsync(Batch(Content("x"), "oOPENID1"), Token);
        await sut.SendAsync(Batch(Content("x"), "oOPENID1"), Token);

        Assert.Equal([false, true], (await peers.ReceivedAsync("wechat", Token)).Select(m => (bool?)m["duplicate"]));
    }

    [Fact]
    public async Task SendAsync_TokenExpiredAtThePlatform_AdapterFetchesANewOneAndIsSent()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var peers = await StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var sut = Adapter(peers);
        await sut.SendAsync(Batch(Content("x", version: "v1"), "oOPENID1"), Token);

        // The adapter's cache still trusts its token; the platform's clock says it has expired (42001).
        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var result = Assert.Single(await sut.SendAsync(Batch(Content("x", version: "v2"), "oOPENID1"), Token));

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        Assert.Equal(2, (await peers.ReceivedAsync("wechat", Token)).Length);
    }

    [Fact]
    public async Task SendAsync_SubscriptionNotice_SentThroughBizsendAndRecordedWithThePageLink()
    {
        var peers = await StartAsync();

        var result = Assert.Single(await Adapter(peers, o => o.MessageKind = WeChatMessageKind.Subscription)
            .SendAsync(Batch(Content("暴雨红色预警", version: Identifier), "oOPENID1"), Token));

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var received = Assert.Single(await peers.ReceivedAsync("wechat", Token));
        Assert.Equal((Identifier, "subscribe"), ((string?)received["warning"], (string?)received["detail"]));
    }

    private async Task<PeersServer> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var server = await PeersServer.StartAsync(settings, services);
        _servers.Add(server);
        return server;
    }

    private static WeChatChannelAdapter Adapter(PeersServer peers, Action<WeChatChannelOptions>? configure = null)
    {
        var options = new WeChatChannelOptions
        {
            ApiBaseUrl = peers.Url("wechat"),
            AppId = "wxpeers00000000001",
            AppSecret = "peers-wechat-app-secret",
            TemplateId = "peers-warning-template",
            DetailBaseUrl = "https://warning.example.gov.cn/",
        };
        configure?.Invoke(options);
        return new WeChatChannelAdapter(new SimpleHttpClientFactory(), new InProcessAccessTokenCache(TimeProvider.System), Options.Create(options),
            TimeProvider.System, NullLogger<WeChatChannelAdapter>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
