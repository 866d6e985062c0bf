using Microsoft.Extensions.Time.Testing;
using Warning.Channels.Smpp;
using Warning.Channels.Tests.Support;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;
using static Warning.Channels.Tests.Smpp.SmppTestAdapters;

namespace Warning.Channels.Tests.Smpp;

/// <summary>
/// The SMPP adapter against a real SMSC: node-smpp's server (third-party codec) with our behaviour harness,
/// tests/peers/smsc/smsc.js, one process per test.
/// </summary>
public sealed class SmppChannelAdapterTests : IAsyncLifetime
{
    private const string Warning200 =
        "【某某区应急管理局】暴雨红色预警：预计未来3小时我区将出现100毫米以上强降水，并伴有雷电大风。请立即停止户外活动，" +
        "危险地带人员立即转移，地下车库、下穿隧道等低洼处请勿停留，中小学幼儿园停课，非必要不外出。如遇险情请拨打119或110。" +
        "请责任人立即到岗到位，组织巡查转移，落实各项防御措施，确保群众生命安全。本预警将视雨情发展适时调整，请留意后续发布信息。" +
        "如有疑问请咨询区应急管理局24小时值班室，谢";

    private readonly RecordingProviderSink _sink = new();
    private readonly List<SmscPeer> _peers = [];
    private readonly List<SmppChannelAdapter> _adapters = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var adapter in _adapters)
        {
            await adapter.DisposeAsync();
        }
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
    }

    [Fact]
    public async Task SendAsync_200ChineseCharacters_ArrivesAsThreeUcs2PartsReassembledIntact()
    {
        Assert.Equal(200, Warning200.Length);
        var peer = await StartPeerAsync();
        var sut = Adapter(peer.Port);

        var result = Assert.Single(await sut.SendAsync(Batch(Warning200, "13800000001"), TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var message = await peer.WaitForAsync("message", e => (string?)e["dest"] == "13800000001");
        Assert.Equal(3, (int)message["parts"]!);
        Assert.Equal(Warning200, (string?)message["text"]);
        var parts = peer.Events("submit");
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.Equal((0x08, 0x40, 1), ((int)p["dc"]!, (int)p["esm"]! & 0x40, (int)p["registered"]!)));
        Assert.Equal([1, 2, 3], parts.Select(p => (int)p["concat"]!["seq"]!).Order());
        Assert.Single(parts.Select(p => (int)p["concat"]!["ref"]!).Distinct());
        Assert.Equal([67, 67, 66], parts.OrderBy(p => (int)p["concat"]!["seq"]!).Select(p => ((string)p["text"]!).Length));
        Assert.Equal((string?)message["ids"]![0], result.ProviderMessageId);

        // One receipt per part arrives; the adapter reports one, for the message, once all three are in.
        await peer.WaitForAsync("dlr_resp", e => (string?)e["id"] == (string?)message["ids"]![2]);
        await RecordingProviderSink.WaitUntilAsync(() => _sink.Receipts.Count >= 1, "the receipt");
        var receipt = Assert.Single(_sink.Receipts);
        Assert.Equal(("sms", result.ProviderMessageId, DeliveryState.Delivered), (receipt.Channel, receipt.ProviderMessageId, receipt.State));
    }

    [Fact]
    public async Task SendAsync_ReceiptsWithDecimalIdsOnly_AreMatchedToTheHexSubmitIds()
    {
        var peer = await StartPeerAsync();
        await peer.SendAsync(new { cmd = "set", dlrTlv = false, dlrStat = "UNDELIV" });
        await peer.WaitForAsync("set");
        var sut = Adapter(peer.Port);

        var results = await sut.SendAsync(Batch("Red rainstorm warning", "13800000001", "13800000002", "13800000003"),
            TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.All(peer.Events("submit"), s => Assert.Equal(0x00, (int)s["dc"]!)); // GSM where it fits
        await RecordingProviderSink.WaitUntilAsync(() => _sink.Receipts.Count >= 3, "three receipts");
        Assert.Equal(results.Select(r => r.ProviderMessageId).Order(), _sink.Receipts.Select(r => r.ProviderMessageId).Order());
        Assert.All(_sink.Receipts, r => Assert.Equal(DeliveryState.Failed, r.State));
        Assert.All(_sink.Receipts, r => Assert.StartsWith("id:00000", r.Raw, StringComparison.Ordinal)); // the text spoke decimal
    }

    [Fact]
    public async Task SendAsync_SmscThrottles_ReturnsThrottledTransientFailures()
    {
        var peer = await StartPeerAsync();
        await peer.SendAsync(new { cmd = "set", throttle = true });
        await peer.WaitForAsync("set");

        var results = await Adapter(peer.Port).SendAsync(Batch("暴雨预警", "13800000001", "13800000002"), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal((DeliveryStatus.TransientFailure, TimeSpan.FromSeconds(1)), (r.Status, r.RetryAfter)));
        Assert.All(results, r => Assert.Contains("0x58 ESME_RTHROTTLED", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_SmscNeverAnswers_ReturnsUnknownNotFailed()
    {
        var peer = await StartPeerAsync();
        await peer.SendAsync(new { cmd = "set", silent = true });
        await peer.WaitForAsync("set");
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-07-01T08:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        var sut = Adapter(peer.Port, time);

        var send = sut.SendAsync(Batch("暴雨预警", "13800000001"), TestContext.Current.CancellationToken).AsTask();
        await peer.WaitForAsync("ignored");
        await AdvanceUntilAsync(time, () => send.IsCompleted, TimeSpan.FromSeconds(1));

        var result = Assert.Single(await send);
        Assert.Equal(DeliveryStatus.Unknown, result.Status);
        Assert.Contains("no response within 10 s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_MoreRecipientsThanTheWindow_KeepsAtMostWindowOutstanding()
    {
        var peer = await StartPeerAsync();
        await peer.SendAsync(new { cmd = "set", silent = true });
        await peer.WaitForAsync("set");
        var time = new FakeTimeProvider();
        var sut = Adapter(peer.Port, time, o => o.WindowSize = 3);
        string[] addresses = ["13800000001", "13800000002", "13800000003", "13800000004", "13800000005"];

        var send = sut.SendAsync(Batch("暴雨预警", addresses), TestContext.Current.CancellationToken).AsTask();
        await peer.WaitForAsync("ignored", _ => peer.Events("ignored").Count == 3);
        await peer.SendAsync(new { cmd = "stats" }); // a round trip through the peer: any fourth submit would be in by now
        await peer.WaitForAsync("stats");
        Assert.Equal(3, peer.Events("ignored").Count);

        await AdvanceUntilAsync(time, () => send.IsCompleted, TimeSpan.FromSeconds(5));
        Assert.All(await send, r => Assert.Equal(DeliveryStatus.Unknown, r.Status));
        Assert.Equal(5, peer.Events("ignored").Count);
    }

    [Fact]
    public async Task SendAsync_SmscRestarted_FailsFastWhileDownThenBindsAgain()
    {
        var first = await StartPeerAsync();
        var time = new FakeTimeProvider();
        var sut = Adapter(first.Port, time);
        Assert.Equal(DeliveryStatus.Sent, (await sut.SendAsync(Batch("预警", "13800000001"), TestContext.Current.CancellationToken))[0].Status);

        await first.KillAsync();
        await RecordingProviderSink.WaitUntilAsync(() => !sut.IsBound, "the adapter to notice the SMSC is gone");
        var whileDown = Assert.Single(await sut.SendAsync(Batch("预警", "13800000002"), TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.TransientFailure, whileDown.Status); // at once: the adapter does not wait out the backoff

        var second = await StartPeerAsync(first.Port);
        await AdvanceUntilAsync(time, () => sut.IsBound, TimeSpan.FromSeconds(1));
        var after = Assert.Single(await sut.SendAsync(Batch("预警", "13800000003"), TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Sent, after.Status);
        await second.WaitForAsync("submit", e => (string?)e["dest"] == "13800000003");
    }

    [Fact]
    public async Task Start_OfficialRepliesOne_SurfacesTheInboundMessage()
    {
        var peer = await StartPeerAsync();
        var sut = Adapter(peer.Port);
        sut.Start();
        await peer.WaitForAsync("bind");
        await RecordingProviderSink.WaitUntilAsync(() => sut.IsBound, "the bind");

        await peer.SendAsync(new { cmd = "mo", from = "13900000009", to = "10690001", text = "1" });
        await peer.SendAsync(new { cmd = "mo", from = "13900000008", to = "10690001", text = "收到，已到岗" });

        await RecordingProviderSink.WaitUntilAsync(() => _sink.Inbound.Count >= 2, "two replies");
        Assert.Equal(
            [("13900000008", "10690001", "收到，已到岗"), ("13900000009", "10690001", "1")],
            _sink.Inbound.Select(m => (m.From, m.To, m.Text)).Order());
        Assert.All(_sink.Inbound, m => Assert.Equal("sms", m.Channel));
        Assert.All(peer.Events("mo_resp"), e => Assert.Equal(0, (int)e["status"]!));
    }

    [Fact]
    public async Task Start_SinkFails_AsksTheSmscToDeliverAgain()
    {
        var peer = await StartPeerAsync();
        _sink.Fail = true;
        var sut = Adapter(peer.Port);
        sut.Start();
        await RecordingProviderSink.WaitUntilAsync(() => sut.IsBound, "the bind");

        await peer.SendAsync(new { cmd = "mo", from = "13900000009", to = "10690001", text = "1" });

        var answer = await peer.WaitForAsync("mo_resp");
        Assert.Equal(0x64, (int)answer["status"]!); // ESME_RX_T_APPN: temporary, redeliver
    }

    [Fact]
    public async Task SendAsync_WrongPassword_BindIsRefusedAndSendsFailTransiently()
    {
        var peer = await StartPeerAsync();
        var sut = Adapter(peer.Port, configure: o => o.Password = "wrong");

        var result = Assert.Single(await sut.SendAsync(Batch("预警", "13800000001"), TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.False((bool)(await peer.WaitForAsync("bind"))["ok"]!);
        Assert.Empty(peer.Events("submit"));
    }

    [Fact]
    public async Task Start_SilenceLongerThanTheInterval_SendsEnquireLink()
    {
        var peer = await StartPeerAsync();
        var time = new FakeTimeProvider();
        // The fake clock runs far ahead of the real round trip: a long response timeout keeps the answer in time.
        var sut = Adapter(peer.Port, time, o => (o.ResponseTimeout, o.EnquireLinkInterval) = (TimeSpan.FromHours(1), TimeSpan.FromSeconds(30)));
        sut.Start();
        await RecordingProviderSink.WaitUntilAsync(() => sut.IsBound, "the bind");

        await AdvanceUntilAsync(time, () => peer.Events("enquire_link").Count > 0, TimeSpan.FromSeconds(10));

        Assert.True(sut.IsBound);
    }

    [Fact]
    public async Task SendAsync_BadAddress_RejectsThatRecipientOnly()
    {
        var peer = await StartPeerAsync();
        var results = await Adapter(peer.Port).SendAsync(Batch("预警", "13800000001", "不是号码"), TestContext.Current.CancellationToken);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Rejected], results.Select(r => r.Status));
    }

    private async Task<SmscPeer> StartPeerAsync(int port = 0)
    {
        var peer = await SmscPeer.StartAsync(port);
        _peers.Add(peer);
        return peer;
    }

    private SmppChannelAdapter Adapter(int port, TimeProvider? time = null, Action<SmppChannelOptions>? configure = null)
    {
        var adapter = Create(port, _sink, time, configure);
        _adapters.Add(adapter);
        return adapter;
    }

    /// <summary>Moves fake time in steps (timers registered a moment late still fire) until <paramref name="done"/>.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step)
    {
        for (var i = 0; i < 500 && !done(); i++)
        {
            time.Advance(step);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.True(done(), "the condition did not hold after advancing the fake clock");
    }
}
