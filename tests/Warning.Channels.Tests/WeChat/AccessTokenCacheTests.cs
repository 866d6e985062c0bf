using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.WeChat;

public sealed class InProcessAccessTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
    private int _fetches;

    [Fact]
    public async Task GetAsync_ManyConcurrentCallers_FetchOnce()
    {
        var sut = new InProcessAccessTokenCache(_time);
        var gate = new TaskCompletionSource();
        var callers = Enumerable.Range(0, 16).Select(_ => sut.GetAsync("oa:1", SlowFetch(gate.Task), TestContext.Current.CancellationToken).AsTask()).ToArray();
        gate.SetResult();

        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, _fetches);
        Assert.All(tokens, t => Assert.Equal("T1", t));
    }

    [Fact]
    public async Task RefreshAsync_TokenAlreadyReplaced_ReturnsReplacementWithoutFetching()
    {
        var sut = new InProcessAccessTokenCache(_time);
        var first = await sut.GetAsync("oa:1", Fetch, TestContext.Current.CancellationToken);
        var second = await sut.RefreshAsync("oa:1", first, Fetch, TestContext.Current.CancellationToken);
        var third = await sut.RefreshAsync("oa:1", first, Fetch, TestContext.Current.CancellationToken);
        Assert.Equal(("T1", "T2", "T2", 2), (first, second, third, _fetches));
    }

    [Fact]
    public async Task GetAsync_NearExpiry_FetchesAgain()
    {
        var sut = new InProcessAccessTokenCache(_time);
        await sut.GetAsync("oa:1", Fetch, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(114));
        Assert.Equal("T1", await sut.GetAsync("oa:1", Fetch, TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("T2", await sut.GetAsync("oa:1", Fetch, TestContext.Current.CancellationToken));
    }

    private ValueTask<AccessToken> Fetch(bool force, CancellationToken ct) =>
        ValueTask.FromResult(new AccessToken($"T{Interlocked.Increment(ref _fetches)}", TimeSpan.FromSeconds(7200)));

    private AccessTokenFetcher SlowFetch(Task gate) => async (force, ct) =>
    {
        await gate;
        return await Fetch(force, ct);
    };
}

/// <summary>Several "nodes" (one Redis connection each) sharing one token: the endpoint is called once for all.</summary>
[Trait("Category", "Integration")]
public sealed class RedisAccessTokenCacheTests : IAsyncDisposable
{
    private const int Nodes = 4;
    private readonly List<ConnectionMultiplexer> _connections = [];
    private readonly string _account = $"test:{Guid.NewGuid():N}";
    private int _fetches;

    [Fact]
    public async Task GetAsync_AllNodesAtOnce_FetchOnceForTheCluster()
    {
        var caches = await NodesAsync();
        var gate = new TaskCompletionSource();
        var callers = caches.SelectMany(c => Enumerable.Range(0, 4).Select(_ => c.GetAsync(_account, SlowFetch(gate.Task), TestContext.Current.CancellationToken).AsTask())).ToArray();
        gate.SetResult();

        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, _fetches);
        Assert.All(tokens, t => Assert.Equal("T1", t));
    }

    [Fact]
    public async Task RefreshAsync_EveryNodeReportsTheSameRefusal_OneForcedFetch()
    {
        var caches = await NodesAsync();
        var ct = TestContext.Current.CancellationToken;
        var refused = await caches[0].GetAsync(_account, Fetch, ct);
        var forced = 0;
        AccessTokenFetcher fetch = (force, token) =>
        {
            forced += force ? 1 : 0;
            return Fetch(force, token);
        };

        var tokens = await Task.WhenAll(caches.Select(c => c.RefreshAsync(_account, refused, fetch, ct).AsTask()));

        Assert.Equal((2, 1), (_fetches, forced));
        Assert.All(tokens, t => Assert.Equal("T2", t));
    }

    [Fact]
    public async Task GetAsync_Fetched_StoredWithTheCacheLifetime()
    {
        var caches = await NodesAsync();
        await caches[0].GetAsync(_account, Fetch, TestContext.Current.CancellationToken);
        var ttl = await _connections[0].GetDatabase().KeyTimeToLiveAsync($"warning:wechat-token:{{{_account}}}");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(114), TimeSpan.FromMinutes(115));
    }

    [Fact]
    public async Task SendAsync_TwoNodesHitByTokenRefusal_TokenEndpointCalledOnceForTheRefresh()
    {
        var caches = await NodesAsync();
        const string send = "/cgi-bin/message/template/send";
        using var stub = new WeChatApiStub().StableToken("STALE", "FRESH")
            .Answer(send, """{"errcode":40001,"errmsg":"invalid credential"}""", token: "STALE")
            .Answer(send, """{"errcode":0,"errmsg":"ok","msgid":1}""", token: "FRESH");
        var options = Options.Create(new WeChatChannelOptions
        {
            ApiBaseUrl = stub.BaseUrl,
            AppId = _account,
            AppSecret = "s",
            TemplateId = "T",
            DetailBaseUrl = "https://warning.example.gov.cn",
        });
        var adapters = caches.Take(2).Select(c => new WeChatChannelAdapter(new SimpleHttpClientFactory(), c, options, TimeProvider.System,
            NullLogger<WeChatChannelAdapter>.Instance)).ToArray();
        var content = new Engine.Channels.DeliveryContent("t", "v", Engine.Alerts.MessageType.Alert, Engine.Alerts.AlertStatus.Actual, Engine.Alerts.WarningLevel.Red, "x", null);
        var batch = new Engine.Channels.DeliveryBatch(content, [.. Enumerable.Range(1, 10).Select(i => new Engine.Channels.DeliveryRecipient(i, $"o{i}"))]);

        var results = await Task.WhenAll(adapters.Select(a => a.SendAsync(batch, TestContext.Current.CancellationToken).AsTask()));

        Assert.All(results.SelectMany(r => r), r => Assert.Equal(Engine.Channels.DeliveryStatus.Sent, r.Status));
        Assert.Equal(2, stub.Calls("/cgi-bin/stable_token"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connections.Count > 0)
        {
            await _connections[0].GetDatabase().KeyDeleteAsync([$"warning:wechat-token:{{{_account}}}", $"warning:wechat-token:{{{_account}}}:lock"]);
        }
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<RedisAccessTokenCache[]> NodesAsync()
    {
        for (var i = 0; i < Nodes; i++)
        {
            _connections.Add(await RedisServer.ConnectAsync(clientName: $"token-node-{i}"));
        }
        return [.. _connections.Select(c => new RedisAccessTokenCache(c, new RedisAccessTokenCacheOptions(), TimeProvider.System))];
    }

    private ValueTask<AccessToken> Fetch(bool force, CancellationToken ct) =>
        ValueTask.FromResult(new AccessToken($"T{Interlocked.Increment(ref _fetches)}", TimeSpan.FromSeconds(7200)));

    private AccessTokenFetcher SlowFetch(Task gate) => async (force, ct) =>
    {
        await gate;
        return await Fetch(force, ct);
    };
}
