using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using Warning.Engine.Channels;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Peers;

/// <summary>The WeCom application stand-in of Warning.Peers, exercised by the real WeCom adapter over HTTP.</summary>
public sealed class WeComStandInTests : IAsyncDisposable
{
    private readonly List<PeersServer> _servers = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_OneUnknownMember_RejectedThroughInvaliduserAndTheMembersSentInOneCall()
    {
        var peers = await StartAsync(new() { ["Peers:WeCom:Members:0"] = "zhangsan", ["Peers:WeCom:Members:1"] = "lisi" });

        var results = await Adapter(peers).SendAsync(Batch(Content("暴雨红色预警，请注意防范。", version: "v-7"), "zhangsan", "lisi", "wangwu"), Token);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Rejected], results.Select(r => r.Status));
        var received = await peers.ReceivedAsync("wecom", Token);
        Assert.Equal(["zhangsan", "lisi"], received.Select(m => (string?)m["recipient"]));
        Assert.All(received, m => Assert.Equal((results[0].ProviderMessageId, "v-7"), ((string?)m["messageId"], (string?)m["warning"])));
        Assert.All(received, m => Assert.Contains("暴雨红色预警", (string?)m["text"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_NoRecipientIsAMember_AllRejected()
    {
        var peers = await StartAsync(new() { ["Peers:WeCom:Members:0"] = "zhangsan" });

        var results = await Adapter(peers).SendAsync(Batch(Content("x"), "wangwu", "zhaoliu"), Token);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Rejected, r.Status));
        Assert.Contains("81013", results[0].Detail, StringComparison.Ordinal);
        Assert.Empty(await peers.ReceivedAsync("wecom", Token));
    }

    [Fact]
    public async Task SendAsync_WrongCorpSecret_FailedAndNothingRecorded()
    {
        var peers = await StartAsync();

        var result = Assert.Single(await Adapter(peers, o => o.CorpSecret = "not-the-secret").SendAsync(Batch(Content("x"), "zhangsan"), Token));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Contains("40001", result.Detail, StringComparison.Ordinal);
        Assert.Empty(await peers.ReceivedAsync("wecom", Token));
    }

    [Fact]
    public async Task SendAsync_SameContentTwiceWithDuplicateCheck_SecondRecordedAsDuplicate()
    {
        var peers = await StartAsync();
        var sut = Adapter(peers);

        await sut.SendAsync(Batch(Content("x"), "zhangsan"), Token);
        await sut.SendAsync(Batch(Content("x"), "zhangsan"), Token);

        Assert.Equal([false, true], (await peers.ReceivedAsync("wecom", Token)).Select(m => (bool?)m["duplicate"]));
    }

    private async Task<PeersServer> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var server = await PeersServer.StartAsync(settings);
        _servers.Add(server);
        return server;
    }

    private static WeComChannelAdapter Adapter(PeersServer peers, Action<WeComChannelOptions>? configure = null)
    {
        var options = new WeComChannelOptions
        {
            ApiBaseUrl = peers.Url("wecom"),
            CorpId = "wwpeers00000000001",
            CorpSecret = "peers-wecom-corp-secret",
            AgentId = 1000002,
            DetailBaseUrl = "https://warning.example.gov.cn",
        };
        configure?.Invoke(options);
        return new WeComChannelAdapter(new SimpleHttpClientFactory(), new InProcessAccessTokenCache(TimeProvider.System), Options.Create(options),
            NullLogger<WeComChannelAdapter>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
