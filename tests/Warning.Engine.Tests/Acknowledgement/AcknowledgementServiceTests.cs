using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Acknowledgement;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Dispatch;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Acknowledgement;

public sealed class AcknowledgementServiceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"warning-ack-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RecordingAdapter _sms = new("sms");
    private readonly RecordingAdapter _wechat = new("wechat");
    private SqliteAuditStore? _store;
    private TimerAcknowledgementScheduler? _scheduler;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<AcknowledgementService> CreateSutAsync(AcknowledgementOptions? options = null)
    {
        _store = new SqliteAuditStore($"Data Source={_path}", timeProvider: _time);
        await _store.MigrateAsync(Token);
        AcknowledgementService? service = null;
        _scheduler = new TimerAcknowledgementScheduler(_time, (id, step, ct) => service!.OnDeadlineAsync(id, step, ct));
        service = new AcknowledgementService(_store, _store, new DirectoryStore(OfficialsDirectory.Build()),
            new ChannelAdapterRegistry([_sms, _wechat]), _scheduler, options ?? new AcknowledgementOptions(), _time);
        return service;
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        _time.Advance(by);
        await _scheduler!.IdleAsync();
    }

    private static List<string> Texts(RecordingAdapter adapter) => [.. adapter.Calls.Select(c => c.Content.Text)];

    private static List<string> Addresses(RecordingAdapter adapter) => [.. adapter.Calls.Select(c => c.Recipients[0].Address)];

    [Fact]
    public async Task StartAsync_RedWarning_TextsEveryStreetOfficialTheirCode()
    {
        var sut = await CreateSutAsync();

        var requests = await sut.StartAsync("t1", OfficialsDirectory.Warning(), Token);

        Assert.Equal(3, requests.Count);
        Assert.Equal([.. Enumerable.Range(1, 3).Select(OfficialsDirectory.OfficialPhone)], Addresses(_sms).Order());
        Assert.All(requests, r => Assert.Contains(Texts(_sms), t => t.Contains($"回复1或确认码{r.Code}", StringComparison.Ordinal)));
        Assert.All(Texts(_sms), t => Assert.StartsWith("【叫应】青岚区气象台发布暴雨红色预警", t, StringComparison.Ordinal));
        Assert.Empty(_wechat.Calls);
        var actions = (await _store!.GetActionLogAsync(0, Token)).Select(a => a.Action).ToList();
        Assert.Equal(["ack-start", "ack-contact"], actions);
    }

    [Fact]
    public async Task StartAsync_YellowWarning_AsksNobody()
    {
        var sut = await CreateSutAsync();

        Assert.Empty(await sut.StartAsync("t1", OfficialsDirectory.Warning(level: WarningLevel.Yellow), Token));
        Assert.Empty(_sms.Calls);
    }

    [Fact]
    public async Task OnDeadline_NoAnswer_ResendsByWeChatLinkThatAnswers()
    {
        var sut = await CreateSutAsync();
        await sut.StartAsync("t1", OfficialsDirectory.Warning(areas: OfficialsDirectory.Streets[0]), Token);

        await AdvanceAsync(TimeSpan.FromMinutes(10));

        var text = Assert.Single(Texts(_wechat));
        Assert.Contains("短信未获确认，再次提醒。请点击确认收到：http://127.0.0.1:5080/ack/", text, StringComparison.Ordinal);
        var token = text[(text.IndexOf("/ack/", StringComparison.Ordinal) + 5)..text.IndexOf('，', text.IndexOf("/ack/", StringComparison.Ordinal))];
        Assert.True(token.Length >= 22);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await sut.AnswerByLinkAsync(token, Token));
        Assert.False(await sut.AnswerByLinkAsync(token, Token));

        var row = Assert.Single((await sut.GetReportAsync("v1", Token)).Rows);
        Assert.Equal((AcknowledgementState.Answered, "link", "责任人本人", (TimeSpan?)TimeSpan.FromMinutes(11)),
            (row.Request.State, row.Request.AnswerChannel, row.AnsweredByRole, row.TimeToAnswer));
    }

    [Fact]
    public async Task OnDeadline_AnsweredBeforeIt_SendsNothingMore()
    {
        var sut = await CreateSutAsync();
        var request = Assert.Single(await sut.StartAsync("t1", OfficialsDirectory.Warning(areas: OfficialsDirectory.Streets[0]), Token));
        Assert.True(await sut.AnswerInConsoleAsync(request.RequestId, "duty-officer", Token));

        await AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Single(_sms.Calls);
        Assert.Empty(_wechat.Calls);
        var answer = (await _store!.GetActionLogAsync(0, Token)).Single(a => a.Action == "ack-answer");
        Assert.Equal("duty-officer", answer.Actor);
    }

    [Fact]
    public async Task OnDeadline_NobodyEverAnswers_ClimbsToTheSupervisorThenMarksUnanswered()
    {
        var sut = await CreateSutAsync();
        await sut.StartAsync("t1", OfficialsDirectory.Warning(areas: OfficialsDirectory.Streets[1]), Token);

        for (var i = 0; i < 4; i++)
        {
            await AdvanceAsync(TimeSpan.FromMinutes(10));
        }

        Assert.Equal([OfficialsDirectory.OfficialPhone(2), OfficialsDirectory.DeputyPhone(2), OfficialsDirectory.OfficialPhone(0)], Addresses(_sms));
        Assert.Equal(["oOfficial2", "oDeputy2", "oOfficial0"], Addresses(_wechat));
        Assert.Contains("西山街道责任人未确认，请您代为确认", Texts(_sms)[1], StringComparison.Ordinal);
        var row = Assert.Single((await sut.GetReportAsync("v1", Token)).Rows);
        Assert.Equal((AcknowledgementState.Unanswered, EscalationStep.Supervisor), (row.Request.State, row.Request.Step));
        Assert.Equal(6, row.Contacts.Count);
        var actions = (await _store!.GetActionLogAsync(0, Token)).Select(a => a.Action).ToList();
        Assert.Equal(3, actions.Count(a => a == "ack-escalate"));
        Assert.Equal("ack-unanswered", actions[^1]);
        Assert.Null(await _store.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task AnswerBySmsAsync_ReplyWithACode_AnswersThatRequestOnly()
    {
        var sut = await CreateSutAsync();
        var first = Assert.Single(await sut.StartAsync("t1", OfficialsDirectory.Warning("v1", areas: OfficialsDirectory.Streets[0]), Token));
        var second = Assert.Single(await sut.StartAsync("t2", OfficialsDirectory.Warning("v2", areas: OfficialsDirectory.Streets[0]), Token));

        var answered = await sut.AnswerBySmsAsync(Reply("+86" + OfficialsDirectory.OfficialPhone(1), $"确认 {second.Code}"), Token);

        Assert.Equal(1, answered);
        Assert.Equal(AcknowledgementState.Pending, (await _store!.GetAcknowledgementRequestAsync(first.RequestId, Token))!.State);
        Assert.Equal(AcknowledgementState.Answered, (await _store.GetAcknowledgementRequestAsync(second.RequestId, Token))!.State);
        Assert.Equal(1, await sut.AnswerBySmsAsync(Reply(OfficialsDirectory.OfficialPhone(1), "１"), Token));
        Assert.Equal(0, await sut.AnswerBySmsAsync(Reply("13700000001", "1"), Token));
    }

    [Fact]
    public async Task StartAsync_Exercise_MarksEveryMessageAndTheReportAsADrill()
    {
        var sut = await CreateSutAsync();
        await sut.StartAsync("t1", OfficialsDirectory.Warning(status: AlertStatus.Exercise, areas: OfficialsDirectory.Streets[0]), Token);

        await AdvanceAsync(TimeSpan.FromMinutes(10));
        await AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.All(Texts(_sms).Concat(Texts(_wechat)), t => Assert.StartsWith("【演练】【叫应】", t, StringComparison.Ordinal));
        Assert.Equal(4, _sms.Calls.Count + _wechat.Calls.Count);
        Assert.All(_sms.Calls, c => Assert.Equal(AlertStatus.Exercise, c.Content.Status));
        Assert.True((await sut.GetReportAsync("v1", Token)).Drill);
    }

    [Fact]
    public async Task StartAsync_UpdateOfTheThread_ClosesWhatTheOlderVersionWaitedFor()
    {
        var sut = await CreateSutAsync();
        var older = Assert.Single(await sut.StartAsync("t1", OfficialsDirectory.Warning("v1", areas: OfficialsDirectory.Streets[0]), Token));

        await sut.StartAsync("t1", OfficialsDirectory.Warning("v2", WarningLevel.Orange, areas: OfficialsDirectory.Streets[0]), Token);
        await AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(AcknowledgementState.Closed, (await _store!.GetAcknowledgementRequestAsync(older.RequestId, Token))!.State);
        Assert.Single(_wechat.Calls); // only v2's request escalated
        Assert.Equal("v2/ack", _wechat.Calls.Single().Content.VersionId);
    }

    [Fact]
    public async Task StartAsync_AdapterRejects_RecordsTheContactAndStillEscalates()
    {
        var sut = await CreateSutAsync();
        _sms.Answer = (r, _) => DeliveryResult.Rejected(r, "unknown subscriber");
        await sut.StartAsync("t1", OfficialsDirectory.Warning(areas: OfficialsDirectory.Streets[0]), Token);

        await AdvanceAsync(TimeSpan.FromMinutes(10));

        var row = Assert.Single((await sut.GetReportAsync("v1", Token)).Rows);
        Assert.Equal([("sms", "Rejected"), ("wechat", "Sent")], row.Contacts.Select(c => (c.Channel, c.Status)));
    }

    private InboundMessage Reply(string from, string text) => new("sms", from, "10690001", text, _time.GetUtcNow());

    public ValueTask DisposeAsync()
    {
        _scheduler?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        return ValueTask.CompletedTask;
    }
}
