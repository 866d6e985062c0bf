using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Warning.Channels.Smpp;
using Warning.Channels.Tests.Smpp;
using Warning.Channels.Tests.Support;
using Warning.Engine.Acknowledgement;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.Acknowledgement;

/// <summary>
/// 叫应 end to end on a fake clock (issue 8, Done when): requests go out as real SMS through the SMPP adapter to the npm
/// smpp SMSC (tests/peers/smsc/smsc.js); an official's reply comes back as a mobile-originated deliver_sm into the
/// adapter's inbound sink. WeChat has no real peer: its messages go to a recording adapter.
/// </summary>
public sealed partial class AcknowledgementOverSmppTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"warning-ack-smpp-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RecordingWeChat _wechat = new();
    private SmscPeer? _peer;
    private SmppChannelAdapter? _sms;
    private TimerAcknowledgementScheduler? _scheduler;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Acknowledgement_OneRepliesBySmsOneInConsoleOneNever_DeputyContactedAfterDeadlineAndReportShowsAll()
    {
        var (service, store) = await CreateSutAsync();
        string[] streets = OfficialsDirectory.Streets;

        var requests = await service.StartAsync("t1", OfficialsDirectory.Warning(), Token);

        Assert.Equal(3, requests.Count);
        var first = await _peer!.WaitForAsync("message", e => (string?)e["dest"] == OfficialsDirectory.OfficialPhone(1));
        foreach (var n in new[] { 2, 3 })
        {
            await _peer.WaitForAsync("message", e => (string?)e["dest"] == OfficialsDirectory.OfficialPhone(n));
        }
        // Official 1 answers by SMS with the code the SMSC delivered to the phone, two minutes in.
        var code = ReplyCode().Match((string)first["text"]!).Groups[1].Value;
        _time.Advance(TimeSpan.FromMinutes(2));
        await _peer.SendAsync(new { cmd = "mo", from = OfficialsDirectory.OfficialPhone(1), to = "10690001", text = code });
        var request1 = requests.Single(r => r.AreaCode == streets[0]);
        await WaitAnsweredAsync(store, request1.RequestId, "the SMS reply to answer official 1's request");
        // Official 2 is confirmed in the console by the duty officer, five minutes in.
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await service.AnswerInConsoleAsync(requests.Single(r => r.AreaCode == streets[1]).RequestId, "duty-officer", Token));

        // Official 3 never answers: at 10 minutes WeChat, not yet the deputy; at 20 minutes the deputy.
        await AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal([$"oOfficial3"], _wechat.Sent.Select(s => s.Address));
        Assert.DoesNotContain(_peer.Events("message"), e => (string?)e["dest"] == OfficialsDirectory.DeputyPhone(3));
        await AdvanceAsync(TimeSpan.FromMinutes(10));
        var deputySms = await _peer.WaitForAsync("message", e => (string?)e["dest"] == OfficialsDirectory.DeputyPhone(3));
        Assert.Contains("南岭街道责任人未确认，请您代为确认", (string)deputySms["text"]!, StringComparison.Ordinal);
        Assert.Equal(["oOfficial3", "oDeputy3"], _wechat.Sent.Select(s => s.Address));
        Assert.DoesNotContain(_peer.Events("message"), e => ((string?)e["dest"])!.StartsWith("1391", StringComparison.Ordinal)
            && (string?)e["dest"] != OfficialsDirectory.DeputyPhone(3));

        var report = await service.GetReportAsync("v1", Token);
        Assert.Equal((3, 2, 1), (report.Total, report.Answered, report.Waiting));
        var rows = report.Rows.ToDictionary(r => r.Request.AreaCode);
        Assert.Equal(("sms", "东湖街道责任人", "责任人本人", (TimeSpan?)TimeSpan.FromMinutes(2)),
            (rows[streets[0]].Request.AnswerChannel, rows[streets[0]].AnsweredByName, rows[streets[0]].AnsweredByRole, rows[streets[0]].TimeToAnswer));
        Assert.Equal(("console", (TimeSpan?)TimeSpan.FromMinutes(5)), (rows[streets[1]].Request.AnswerChannel, rows[streets[1]].TimeToAnswer));
        var third = rows[streets[2]];
        Assert.Equal((AcknowledgementState.Pending, EscalationStep.Deputy, T0.AddMinutes(30)), (third.Request.State, third.Request.Step, third.Request.DueAt));
        Assert.Equal(
        [
            ("南岭街道责任人", "sms", EscalationStep.Initial, T0, "Sent"),
            ("南岭街道责任人", "wechat", EscalationStep.SecondChannel, T0.AddMinutes(10), "Sent"),
            ("南岭街道副责任人", "sms", EscalationStep.Deputy, T0.AddMinutes(20), "Sent"),
            ("南岭街道副责任人", "wechat", EscalationStep.Deputy, T0.AddMinutes(20), "Sent"),
        ], third.Contacts.Select(c => (c.PersonName, c.Channel, c.Step, c.At, c.Status)));
        var actions = (await store.GetActionLogAsync(0, Token)).Select(a => (a.Actor, a.Action)).ToList();
        Assert.Contains(("OFF-440106001-1", "ack-answer"), actions);
        Assert.Contains(("duty-officer", "ack-answer"), actions);
        Assert.Equal(2, actions.Count(a => a.Action == "ack-escalate"));
        Assert.Null(await store.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task Acknowledgement_DeputyRepliesOne_AnswersForTheOfficial()
    {
        var (service, store) = await CreateSutAsync(new AcknowledgementOptions { Escalation = "Deputy" });
        var request = Assert.Single(await service.StartAsync("t1", OfficialsDirectory.Warning(areas: OfficialsDirectory.Streets[0]), Token));
        await AdvanceAsync(TimeSpan.FromMinutes(10));
        await _peer!.WaitForAsync("message", e => (string?)e["dest"] == OfficialsDirectory.DeputyPhone(1));

        await _peer.SendAsync(new { cmd = "mo", from = OfficialsDirectory.DeputyPhone(1), to = "10690001", text = "1" });

        await WaitAnsweredAsync(store, request.RequestId, "the deputy's reply");
        var row = Assert.Single((await service.GetReportAsync("v1", Token)).Rows);
        Assert.Equal((OfficialsDirectory.Deputy(OfficialsDirectory.Streets[0]), "副责任人"), (row.Request.AnsweredBy, row.AnsweredByRole));
    }

    private async Task<(AcknowledgementService Service, AuditStore Store)> CreateSutAsync(AcknowledgementOptions? options = null)
    {
        _peer = await SmscPeer.StartAsync(quiet: false);
        var store = new SqliteAuditStore($"Data Source={_path}", timeProvider: _time);
        await store.MigrateAsync(Token);
        AcknowledgementService? service = null;
        var lazy = new Lazy<AcknowledgementService>(() => service!);
        // The adapter keeps real time for its own protocol timers; the 叫应 deadlines run on the fake clock.
        _sms = new SmppChannelAdapter(SmppTestAdapters.Options(_peer.Port), new RecordingProviderSink(),
            new AcknowledgementInboundSink(lazy), TimeProvider.System);
        _sms.Start();
        await RecordingProviderSink.WaitUntilAsync(() => _sms.IsBound, "the bind");
        _scheduler = new TimerAcknowledgementScheduler(_time, (id, step, ct) => service!.OnDeadlineAsync(id, step, ct));
        service = new AcknowledgementService(store, store, new DirectoryStore(OfficialsDirectory.Build()),
            new ChannelAdapterRegistry([_sms, _wechat]), _scheduler, options ?? new AcknowledgementOptions(), _time);
        return (service, store);
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        _time.Advance(by);
        await _scheduler!.IdleAsync();
    }

    /// <summary>Replies arrive asynchronously (SMSC → adapter → sink → store): poll the store for the answer.</summary>
    private static async Task WaitAnsweredAsync(AuditStore store, string requestId, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while ((await store.GetAcknowledgementRequestAsync(requestId, Token))!.State != AcknowledgementState.Answered)
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(20))
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
            await Task.Delay(20, Token);
        }
    }

    [GeneratedRegex("确认码(\\d{4})")]
    private static partial Regex ReplyCode();

    public async ValueTask DisposeAsync()
    {
        _scheduler?.Dispose();
        if (_sms is not null)
        {
            await _sms.DisposeAsync();
        }
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    /// <summary>WeChat has no real peer: this records what the 叫应 chain would send there.</summary>
    private sealed class RecordingWeChat : IChannelAdapter
    {
        public ConcurrentQueue<(string Address, string Text)> Sent { get; } = new();

        public string Name => AudienceChannels.WeChat;

        public ChannelCapabilities Capabilities { get; } = new() { MaxTextLength = 2000 };

        public ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
        {
            foreach (var recipient in batch.Recipients)
            {
                Sent.Enqueue((recipient.Address, batch.Content.Text));
            }
            return ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([.. batch.Recipients.Select(r => DeliveryResult.Sent(r.Recipient))]);
        }
    }
}
