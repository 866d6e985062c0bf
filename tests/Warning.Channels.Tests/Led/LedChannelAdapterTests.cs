using Microsoft.Extensions.Time.Testing;
using Warning.Channels.Led;
using Warning.Channels.Tests.Mqtt;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;
using Warning.Peers.Devices;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Led;

/// <summary>The LED adapter against the real mosquitto, with simulated signs acknowledging.</summary>
[Trait("Category", "Integration")]
public sealed class LedChannelAdapterTests : IAsyncDisposable
{
    private const string Text = "暴雨红色预警：请立即转移。";
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(MqttTestBench Bench, LedChannelAdapter Sut)> CreateSutAsync(string[] signs, ILedGeometrySource? geometries = null,
        TimeProvider? timeProvider = null)
    {
        var bench = await StartAsync("led", signs, Token);
        _owned.Add(bench);
        var sut = new LedChannelAdapter(new LedChannelOptions(), bench.Gateway, geometries ?? new FixedLedGeometrySource(),
            timeProvider ?? TimeProvider.System);
        return (bench, sut);
    }

    [Fact]
    public async Task SendAsync_SignsAcknowledge_EachReceiptMatchesItsSentMessageId()
    {
        var (bench, sut) = await CreateSutAsync(["led-1", "led-2", "led-3"]);
        var results = await sut.SendAsync(Batch(Content(Text), "led-1", "led-2", "led-3"), Token);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(3, results.Select(r => r.ProviderMessageId).Distinct().Count());
        await bench.WaitForReceiptsAsync(3, Token);
        Assert.Equal(results.Select(r => r.ProviderMessageId).Order(), bench.Receipts.Receipts.Select(r => r.ProviderMessageId).Order());
        Assert.All(bench.Receipts.Receipts, r => Assert.Equal(("led", DeliveryState.Delivered), (r.Channel, r.State)));
    }

    [Fact]
    public async Task SendAsync_SignsOfDifferentSizes_EachGetsPagesForItsOwnGeometry()
    {
        var store = new DirectoryStore();
        store.Update(b =>
        {
            b.AddArea(new Area("440199", "测试区"));
            b.Add(new Device { Id = "small", Kind = DeviceKind.LedSign, AreaCode = "440199", LedLines = 1, LedCharsPerLine = 4 });
            b.Add(new Device { Id = "large", Kind = DeviceKind.LedSign, AreaCode = "440199", LedLines = 4, LedCharsPerLine = 32 });
        });
        var (bench, sut) = await CreateSutAsync(["small", "large"], new DirectoryLedGeometrySource(store));

        await sut.SendAsync(Batch(Content(Text), "small", "large"), Token);
        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices.Devices.All(d => !d.Received.IsEmpty), "both signs", Token);

        Assert.Equal([["暴雨红色"], ["预警：请"], ["立即转"], ["移。"]], PagesOf(bench.Devices["small"]));
        Assert.Equal([[Text]], PagesOf(bench.Devices["large"]));
    }

    [Fact]
    public async Task SendAsync_WarningExpiresInTenMinutes_MessageCarriesThatExpiryInterval()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var (bench, sut) = await CreateSutAsync(["led-1"], timeProvider: clock);
        var expires = clock.GetUtcNow().AddMinutes(10);

        await sut.SendAsync(Batch(Content(Text, expires: expires), "led-1"), Token);
        await bench.Devices.Changed.WaitUntilAsync(() => !bench.Devices["led-1"].Received.IsEmpty, "the command", Token);

        var received = Assert.Single(bench.Devices["led-1"].Received);
        // The broker forwards what is left of the interval: 600 s less the moment it held the message.
        Assert.InRange(received.MessageExpiryInterval, 598u, 600u);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(expires, received.ExpiresAt);
    }

    [Fact]
    public async Task SendAsync_CancelVersion_ClearsEverySign()
    {
        string[] signs = ["led-1", "led-2"];
        var (bench, sut) = await CreateSutAsync(signs);
        await sut.SendAsync(Batch(Content(Text), signs), Token);
        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices.Devices.All(d => d.Active.ContainsKey("thread-1")), "shown", Token);

        var results = await sut.SendAsync(Batch(Content("解除暴雨红色预警", type: MessageType.Cancel, version: "v2"), signs), Token);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices.Devices.All(d => d.Active.IsEmpty), "cleared", Token);
        Assert.All(bench.Devices.Devices, d => Assert.Equal(("clear", "cancelled"), (d.Received.Last().Action, d.Received.Last().Reason)));
        await bench.WaitForReceiptsAsync(4, Token);
    }

    [Fact]
    public async Task ClearAsync_WarningExpired_ClearsTheSignAndItsAcknowledgementIsAReceipt()
    {
        var (bench, sut) = await CreateSutAsync(["led-1"]);
        await sut.SendAsync(Batch(Content(Text), "led-1"), Token);

        var results = await sut.ClearAsync(new DeviceClearRequest("thread-1", "v1", DeviceClearReason.Expired,
            [new DeliveryRecipient(1, "led-1")]), Token);

        await bench.WaitForReceiptsAsync(2, Token);
        Assert.Empty(bench.Devices["led-1"].Active);
        Assert.Contains(bench.Receipts.Receipts, r => r.ProviderMessageId == Assert.Single(results).ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_WarningAlreadyExpired_SkipsAndPublishesNothing()
    {
        var (bench, sut) = await CreateSutAsync(["led-1"]);
        var expired = await sut.SendAsync(Batch(Content(Text, expires: TimeProvider.System.GetUtcNow().AddSeconds(-1), version: "old"), "led-1"), Token);
        // A later command on the same topic arrives after anything published before it.
        await sut.SendAsync(Batch(Content(Text, version: "barrier"), "led-1"), Token);
        await bench.Devices.Changed.WaitUntilAsync(() => !bench.Devices["led-1"].Received.IsEmpty, "the barrier", Token);

        Assert.Equal(DeliveryStatus.Skipped, Assert.Single(expired).Status);
        Assert.Equal("barrier", Assert.Single(bench.Devices["led-1"].Received).VersionId);
    }

    [Fact]
    public async Task SendAsync_SameVersionResent_SameMessageIdAndTheSignShowsItOnce()
    {
        var (bench, sut) = await CreateSutAsync(["led-1"]);
        var first = await sut.SendAsync(Batch(Content(Text), "led-1"), Token);
        var again = await sut.SendAsync(Batch(Content(Text), "led-1"), Token);
        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices["led-1"].Received.Count == 2, "both copies", Token);

        Assert.Equal(Assert.Single(first).ProviderMessageId, Assert.Single(again).ProviderMessageId);
        Assert.Equal(1, bench.Devices["led-1"].Duplicates);
    }

    [Fact]
    public async Task SendAsync_DeviceIdNotATopicLevel_RejectedAndOthersSent()
    {
        var (_, sut) = await CreateSutAsync(["led-1"]);
        var results = await sut.SendAsync(Batch(Content(Text), "led-1", "a/b", "led+", ""), Token);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Rejected, DeliveryStatus.Rejected, DeliveryStatus.Rejected],
            results.Select(r => r.Status));
    }

    [Fact]
    public async Task SendAsync_SignThatNeverConnected_TransientFailure()
    {
        var (_, sut) = await CreateSutAsync(["led-1"]);
        var results = await sut.SendAsync(Batch(Content(Text), "led-1", "never-seen"), Token);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.TransientFailure], results.Select(r => r.Status));
    }

    [Fact]
    public async Task SendAsync_SignOfflineUntilTheWarningExpired_DoesNotShowItOnReconnect()
    {
        var (bench, sut) = await CreateSutAsync(["late"]);
        var late = bench.Devices["late"];
        await late.DisconnectAsync(Token);
        var now = TimeProvider.System.GetUtcNow();
        await sut.SendAsync(Batch(Content(Text, expires: now.AddSeconds(1), version: "short", thread: "t-short"), "late"), Token);
        await sut.SendAsync(Batch(Content(Text, expires: now.AddMinutes(10), version: "long", thread: "t-long"), "late"), Token);

        // The broker's clock, not ours, expires the queued command: let a real second and a bit pass.
        await Task.Delay(TimeSpan.FromSeconds(2.2), TimeProvider.System, Token);
        await late.ConnectAsync(Token);
        await bench.Devices.Changed.WaitUntilAsync(() => late.Active.ContainsKey("t-long"), "the unexpired warning", Token);

        Assert.Equal("long", Assert.Single(late.Received).VersionId);
    }

    [Fact]
    public async Task SendAsync_ThousandSigns_AllAcknowledgeAndACancelClearsThemAll()
    {
        var signs = Enumerable.Range(1, 1000).Select(i => $"led-{i:D4}").ToArray();
        var (bench, sut) = await CreateSutAsync(signs);

        var sent = new List<DeliveryResult>();
        foreach (var chunk in signs.Chunk(sut.Capabilities.MaxBatchSize))
        {
            sent.AddRange(await sut.SendAsync(Batch(Content(Text), chunk), Token));
        }
        await bench.WaitForReceiptsAsync(1000, Token);
        foreach (var chunk in signs.Chunk(sut.Capabilities.MaxBatchSize))
        {
            sent.AddRange(await sut.SendAsync(Batch(Content("解除", type: MessageType.Cancel, version: "v2"), chunk), Token));
        }
        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices.Devices.All(d => d.Received.Count == 2 && d.Active.IsEmpty),
            "every sign cleared", Token);

        Assert.All(sent, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        await bench.WaitForReceiptsAsync(2000, Token);
        Assert.Equal(2000, bench.Receipts.Receipts.Select(r => r.ProviderMessageId).Distinct().Count());
    }

    private static string[][] PagesOf(FleetDevice device) => [.. device.Received.Single().Pages.Select(p => p.ToArray())];

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
