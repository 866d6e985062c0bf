using StackExchange.Redis;
using Warning.Engine.Alerts;
using Warning.Engine.Durable;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Tests.Issuing;
using Warning.Engine.Tests.Support;
using Warning.Engine.Triggers;

namespace Warning.Engine.Tests.Triggers;

/// <summary>The trigger service on the issuing service as a host wires it (real SQLite file, recording SMS adapter).</summary>
public sealed class TriggerServiceTests : IAsyncLifetime
{
    private IssuingFixture _fixture = null!;
    private readonly DateTimeOffset _start = TimeProvider.System.GetUtcNow().AddMinutes(-30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fixture = await IssuingFixture.StartAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private TriggerService CreateSut() => new(_fixture.Store, _fixture.Service, _fixture.Composer,
        new DepartmentDirectory([IssuingFixture.Bureau, IssuingFixture.WeatherStation]), _fixture.Store, TimeProvider.System);

    private static TriggerRule Rule(TriggerMode mode) => new()
    {
        Id = "rain-rg001",
        Name = "雨量站 RG-001",
        DepartmentId = IssuingFixture.Bureau.Id,
        StationId = "RG-001",
        Measure = "rain_1h_mm",
        Thresholds = [new(WarningLevel.Blue, 50), new(WarningLevel.Orange, 100)],
        Hysteresis = 10,
        EventType = "11B03",
        AreaCodes = [IssuingFixture.Street(0).Code],
        DescriptionTemplate = "{station} 1小时雨量 {value} 毫米（{observed}），已达{level}预警标准。",
        Mode = mode,
        AuthorisedBy = mode == TriggerMode.PublishDirectly ? IssuingFixture.Approver.UserId : null,
    };

    private async Task<IReadOnlyList<TriggerOutcome>> FeedAsync(TriggerService sut, params double[] values)
    {
        var outcomes = new List<TriggerOutcome>();
        foreach (var value in values)
        {
            _minute++;
            outcomes.AddRange(await sut.IngestAsync([new Reading("RG-001", "rain_1h_mm", value, _start.AddMinutes(_minute))], "test", Token));
        }
        return outcomes;
    }

    private int _minute;

    [Fact]
    public async Task IngestAsync_PreAuthorisedRuleCrossing50Then100_PublishesBlueThenUpdatesSameThreadToOrange()
    {
        var sut = CreateSut();
        await _fixture.Store.SaveRuleAsync(Rule(TriggerMode.PublishDirectly), Token);

        var outcomes = await FeedAsync(sut, 20, 62, 70, 104, 110);

        Assert.Equal([TriggerAction.None, TriggerAction.Published, TriggerAction.None, TriggerAction.UpdatePublished, TriggerAction.None],
            outcomes.Select(o => o.Action));
        var threadId = outcomes[1].ThreadId!;
        Assert.All(outcomes.Skip(1), o => Assert.Equal(threadId, o.ThreadId));
        var issued = await _fixture.Service.GetAsync(threadId, Token);
        Assert.Equal([(MessageType.Alert, WarningLevel.Blue), (MessageType.Update, WarningLevel.Orange)],
            issued.Thread.Versions.Select(v => (v.Kind, v.Level!.Value)));
        Assert.All(issued.Thread.Versions, v => Assert.Equal(VersionState.Published, v.State));
        Assert.Single(await _fixture.Service.ListAsync(null, cancellationToken: Token));
        Assert.Equal("preauth:li.si", issued.Thread.Versions[1].ApprovedBy);
    }

    [Fact]
    public async Task IngestAsync_FallingBelowHysteresis_ProposesLowerThenCancelForSignOff()
    {
        var sut = CreateSut();
        await _fixture.Store.SaveRuleAsync(Rule(TriggerMode.PublishDirectly), Token);
        var outcomes = await FeedAsync(sut, 120, 95, 85, 45, 38);

        Assert.Equal([TriggerAction.Published, TriggerAction.None, TriggerAction.LowerProposed, TriggerAction.None,
            TriggerAction.CancelProposed], outcomes.Select(o => o.Action));
        var issued = await _fixture.Service.GetAsync(outcomes[0].ThreadId!, Token);
        Assert.Equal(WarningThreadState.Active, issued.Thread.State);
        var pending = issued.Thread.Pending!;
        Assert.Equal((MessageType.Cancel, VersionState.Submitted), (pending.Kind, pending.State));
        Assert.Equal(VersionState.Withdrawn, issued.Thread.Versions[1].State); // the lowering proposal gave way to the cancel
        Assert.Contains("38", pending.Content.Note, StringComparison.Ordinal);

        // A person signs the cancel off; the rule then is quiet and its next crossing opens a new warning.
        await _fixture.Service.ApproveAsync(IssuingFixture.Approver, issued.Thread.ThreadId, null, Token);
        await _fixture.Service.PublishAsync(IssuingFixture.Approver, issued.Thread.ThreadId, Token);
        var again = await FeedAsync(sut, 20, 66);
        Assert.Equal(TriggerAction.Published, again[1].Action);
        Assert.NotEqual(issued.Thread.ThreadId, again[1].ThreadId);
    }

    [Fact]
    public async Task IngestAsync_DraftRule_SubmitsForSignOffAndRedraftsUnreleasedFirstVersionAtHigherLevel()
    {
        var sut = CreateSut();
        await _fixture.Store.SaveRuleAsync(Rule(TriggerMode.DraftForSignOff), Token);

        var outcomes = await FeedAsync(sut, 62, 104);

        Assert.Equal([TriggerAction.Drafted, TriggerAction.Drafted], outcomes.Select(o => o.Action));
        var first = await _fixture.Service.GetAsync(outcomes[0].ThreadId!, Token);
        var second = await _fixture.Service.GetAsync(outcomes[1].ThreadId!, Token);
        Assert.Equal(VersionState.Withdrawn, first.Thread.Versions[0].State);
        Assert.Equal((VersionState.Submitted, WarningLevel.Orange), (second.Thread.Pending!.State, second.Thread.Pending.Level!.Value));
        Assert.Empty(_fixture.Sms.Calls);
    }

    [Fact]
    public async Task IngestAsync_EveryAction_IsLoggedByTheRuleWithItsReadings()
    {
        var sut = CreateSut();
        await _fixture.Store.SaveRuleAsync(Rule(TriggerMode.PublishDirectly), Token);

        await FeedAsync(sut, 62, 104);

        var log = await _fixture.Store.GetActionLogAsync(0, Token);
        var trigger = log.Where(e => e.Action.StartsWith("trigger-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["trigger-published", "trigger-update-published"], trigger.Select(e => e.Action));
        Assert.All(trigger, e => Assert.Equal("trigger:rain-rg001", e.Actor));
        Assert.Contains("=104", trigger[1].Details, StringComparison.Ordinal);
        Assert.Contains("station=RG-001", trigger[1].Details, StringComparison.Ordinal);
        Assert.Contains(log, e => e.Action == "publish" && e.Actor == "trigger:rain-rg001");
        Assert.Null(await _fixture.Store.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task IngestAsync_TwoNodesGivenTheSameCrossingAtOnce_OpenOneWarning()
    {
        // Two nodes: each its own trigger service and Redis connection, one store and one Redis server between them.
        var prefix = RedisServer.UniquePrefix("trigger-locks");
        using var redisA = await RedisServer.ConnectAsync(clientName: "node-a");
        using var redisB = await RedisServer.ConnectAsync(clientName: "node-b");
        TriggerService Node(IConnectionMultiplexer redis) => new(_fixture.Store, _fixture.Service, _fixture.Composer,
            new DepartmentDirectory([IssuingFixture.Bureau, IssuingFixture.WeatherStation]), _fixture.Store, TimeProvider.System,
            new RedisNamedLocks(redis, TimeProvider.System, prefix));
        var (nodeA, nodeB) = (Node(redisA), Node(redisB));
        await _fixture.Store.SaveRuleAsync(Rule(TriggerMode.PublishDirectly), Token);

        // The gauge's reading reaches both nodes (a retried POST, two collectors); each also has the rule quiet.
        var reading = new Reading("RG-001", "rain_1h_mm", 62, _start.AddMinutes(1));
        var outcomes = await Task.WhenAll(
            Task.Run(() => nodeA.IngestAsync([reading], "node-a", Token), Token),
            Task.Run(() => nodeB.IngestAsync([reading], "node-b", Token), Token));

        var threads = await _fixture.Service.ListAsync(null, cancellationToken: Token);
        Assert.Single(threads);
        Assert.Equal([TriggerAction.None, TriggerAction.Published], outcomes.SelectMany(o => o).Select(o => o.Action).Order());
    }
}

