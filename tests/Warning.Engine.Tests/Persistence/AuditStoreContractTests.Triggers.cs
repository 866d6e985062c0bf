using Warning.Engine.Alerts;
using Warning.Engine.Triggers;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    private static TriggerRule Rule(string id, TriggerMode mode = TriggerMode.DraftForSignOff) => new()
    {
        Id = id,
        Name = "雨量站 RG-001 1小时雨量",
        DepartmentId = "qinglan-ema",
        StationId = "RG-001",
        Measure = "rain_1h_mm",
        Thresholds = [new(WarningLevel.Blue, 50), new(WarningLevel.Orange, 100.5)],
        Hysteresis = 7.5,
        Sustained = TimeSpan.FromMinutes(20),
        RateWindow = TimeSpan.FromMinutes(30),
        EventType = "11B03",
        AreaCodes = ["440199001", "440199002"],
        DescriptionTemplate = "{station} 1小时雨量达 {value} 毫米",
        Instruction = "注意防范",
        ExpiresAfter = TimeSpan.FromHours(3),
        Mode = mode,
        AuthorisedBy = mode == TriggerMode.PublishDirectly ? "li.si" : null,
        UpdatedBy = "admin",
        UpdatedAt = T0,
    };

    [Fact]
    public async Task SaveRuleAsync_ThenRead_RoundTripsEveryField()
    {
        var sut = await CreateSutAsync();
        var rule = Rule("rain-rg001", TriggerMode.PublishDirectly);

        await sut.SaveRuleAsync(rule, Token);
        var read = await sut.GetRuleAsync("rain-rg001", Token);

        Assert.NotNull(read);
        Assert.Equal(rule with { Thresholds = read.Thresholds, AreaCodes = read.AreaCodes }, read);
        Assert.Equal(rule.Thresholds, read.Thresholds);
        Assert.Equal(rule.AreaCodes, read.AreaCodes);
    }

    [Fact]
    public async Task SaveRuleAsync_SameIdAgain_ReplacesTheRule()
    {
        var sut = await CreateSutAsync();
        await sut.SaveRuleAsync(Rule("b"), Token);
        await sut.SaveRuleAsync(Rule("a"), Token);

        await sut.SaveRuleAsync(Rule("a") with { Enabled = false, AreaCode = "440199", StationId = null }, Token);

        var rules = await sut.ListRulesAsync(Token);
        Assert.Equal(["a", "b"], rules.Select(r => r.Id));
        Assert.False(rules[0].Enabled);
        Assert.Equal(("440199", (string?)null), (rules[0].AreaCode, rules[0].StationId));
        Assert.Null(await sut.GetRuleAsync("missing", Token));
    }

    [Fact]
    public async Task SaveRuleStateAsync_ThenOverwrite_KeepsTheLatestWithItsReadings()
    {
        var sut = await CreateSutAsync();
        await sut.SaveRuleStateAsync(new RuleState("r1", WarningLevel.Blue, "t1", [new(T0, 62.5, 62.5)], T0), Token);

        var latest = new RuleState("r1", WarningLevel.Orange, "t1",
            [new(T0, 62.5, 62.5), new(T0.AddMinutes(10), 104, null)], T0.AddMinutes(10));
        await sut.SaveRuleStateAsync(latest, Token);
        await sut.SaveRuleStateAsync(RuleState.Quiet("r2"), Token);

        var read = await sut.GetRuleStateAsync("r1", Token);
        Assert.NotNull(read);
        Assert.Equal((WarningLevel.Orange, "t1", T0.AddMinutes(10)), (read.Level, read.ThreadId, read.UpdatedAt));
        Assert.Equal(latest.Samples, read.Samples);
        var all = await sut.ListRuleStatesAsync(Token);
        Assert.Equal(["r1", "r2"], all.Select(s => s.RuleId));
        Assert.Null(all[1].Level);
    }
}
