using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Accounts;
using Warning.Admin.Readings;
using Warning.Admin.Tests.Web;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;
using Warning.Engine.Triggers;

namespace Warning.Admin.Tests.Readings;

/// <summary>Issue 8, done-when: a rain gauge posting through the real endpoint, signed; replays and forgeries refused and logged.</summary>
public sealed class ReadingsApiTests(ReadingsAppFactory factory) : IClassFixture<ReadingsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<RainGauge> GaugeAsync(string station, params string[] scopes)
    {
        var accounts = factory.Services.GetRequiredService<AccountService>();
        var (record, key) = await accounts.CreateApiKeyAsync("gauge-" + station, "qinglan-ema",
            scopes.Length == 0 ? [ApiScopes.ReadingsWrite] : scopes, "test", Ct);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return new RainGauge(client, ReadingSignature.SecretFor(ReadingsAppFactory.SigningKey, record.KeyId), station, TimeProvider.System);
    }

    private async Task SaveRuleAsync(string station, TriggerMode mode = TriggerMode.PublishDirectly) =>
        await factory.Services.GetRequiredService<ITriggerStore>().SaveRuleAsync(new TriggerRule
        {
            Id = "rain-" + station,
            Name = "雨量站 " + station,
            DepartmentId = "qinglan-ema",
            StationId = station,
            Measure = "rain_1h_mm",
            Thresholds = [new(WarningLevel.Blue, 50), new(WarningLevel.Orange, 100)],
            Hysteresis = 10,
            EventType = "11B03",
            AreaCodes = ["440199001"],
            DescriptionTemplate = "{station} 站1小时雨量 {value} 毫米，已达暴雨{level}预警标准。",
            Mode = mode,
            AuthorisedBy = mode == TriggerMode.PublishDirectly ? "approver" : null,
            UpdatedBy = "test",
        }, Ct);

    private static async Task<string?> ActionAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = (await response.JsonAsync()).GetProperty("outcomes");
        return outcomes.GetArrayLength() == 0 ? null : outcomes[0].GetProperty("action").GetString();
    }

    private async Task<IReadOnlyList<ActionLogEntry>> LogAsync() =>
        await factory.Services.GetRequiredService<IAuditStore>().GetActionLogAsync(0, Ct);

    [Fact]
    public async Task Post_RainGaugeCrossing50Then100_OneBlueWarningThenUpdateToOrange()
    {
        await SaveRuleAsync("RG-101");
        using var gauge = await GaugeAsync("RG-101");

        var actions = new List<string?>();
        foreach (var mm in new[] { 12.0, 58, 71, 104, 112 })
        {
            actions.Add(await ActionAsync(await gauge.PostAsync(mm)));
        }

        Assert.Equal(["None", "Published", "None", "UpdatePublished", "None"], actions);
        var warnings = factory.Services.GetRequiredService<WarningService>();
        var state = await factory.Services.GetRequiredService<ITriggerStore>().GetRuleStateAsync("rain-RG-101", Ct);
        var thread = (await warnings.GetAsync(state!.ThreadId!, Ct)).Thread;
        Assert.Equal([(MessageType.Alert, WarningLevel.Blue), (MessageType.Update, WarningLevel.Orange)],
            thread.Versions.Select(v => (v.Kind, v.Level!.Value)));
        Assert.All(thread.Versions, v => Assert.Equal(VersionState.Published, v.State));
        var log = await LogAsync();
        var drafted = log.Where(e => e is { Actor: "trigger:rain-RG-101", Action: "draft" }).ToList();
        Assert.Single(drafted); // one warning thread opened; the rise to Orange was an update of it
        Assert.Contains(log, e => e is { Actor: "trigger:rain-RG-101", Action: "trigger-update-published" }
            && e.Details!.Contains("=104", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ReadingsFallingBelowHysteresis_ProposeCancelForSignOff()
    {
        await SaveRuleAsync("RG-102");
        using var gauge = await GaugeAsync("RG-102");

        var actions = new List<string?>();
        foreach (var mm in new[] { 64.0, 45, 38 })
        {
            actions.Add(await ActionAsync(await gauge.PostAsync(mm)));
        }

        Assert.Equal(["Published", "None", "CancelProposed"], actions);
        var state = await factory.Services.GetRequiredService<ITriggerStore>().GetRuleStateAsync("rain-RG-102", Ct);
        var thread = (await factory.Services.GetRequiredService<WarningService>().GetAsync(state!.ThreadId!, Ct)).Thread;
        Assert.Equal(WarningThreadState.Active, thread.State); // still in force until a person signs the cancel off
        Assert.Equal((MessageType.Cancel, VersionState.Submitted), (thread.Pending!.Kind, thread.Pending.State));
    }

    [Fact]
    public async Task Post_Replayed_Returns409AndIsLogged()
    {
        await SaveRuleAsync("RG-103");
        using var gauge = await GaugeAsync("RG-103");
        Assert.Equal("Published", await ActionAsync(await gauge.PostAsync(66)));

        using var replay = await gauge.ReplayAsync();

        Assert.True(replay.StatusCode == HttpStatusCode.Conflict, $"{replay.StatusCode}: {await replay.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("Replayed", (await replay.JsonAsync()).GetProperty("error").GetString());
        Assert.Contains(await LogAsync(), e => e.Action == "readings-rejected" && e.Details!.Contains("error=Replayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WronglySigned_Returns401AndIsLoggedAndTriggersNothing()
    {
        await SaveRuleAsync("RG-104");
        using var gauge = await GaugeAsync("RG-104");

        using var forged = await gauge.PostAsync(150, signature: ReadingSignature.Header("not-the-secret", "0", [1]));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var problem = await forged.JsonAsync();
        Assert.Equal("BadSignature", problem.GetProperty("error").GetString());
        Assert.Contains("签名无效", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(await LogAsync(), e => e.Action == "readings-rejected" && e.Details!.Contains("error=BadSignature", StringComparison.Ordinal));
        Assert.Null(await factory.Services.GetRequiredService<ITriggerStore>().GetRuleStateAsync("rain-RG-104", Ct));
    }

    [Fact]
    public async Task Post_TimestampSixMinutesOld_Returns401()
    {
        using var gauge = await GaugeAsync("RG-105");

        using var stale = await gauge.PostAsync(10, timestamp: TimeProvider.System.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("TimestampOutOfRange", (await stale.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Post_BatchOfTwo_EvaluatesBoth()
    {
        using var gauge = await GaugeAsync("RG-106");
        var now = TimeProvider.System.GetUtcNow();
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new { stationId = "RG-106", measure = "rain_1h_mm", value = 3.0, observedAt = now.AddMinutes(-2) },
            new { stationId = "RG-106", measure = "rain_1h_mm", value = 4.0, observedAt = now.AddMinutes(-1) },
        });

        using var response = await gauge.SendAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Post_KeyWithoutReadingsScope_Returns403()
    {
        using var gauge = await GaugeAsync("RG-107", ApiScopes.WarningsWrite);

        using var response = await gauge.PostAsync(10);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
