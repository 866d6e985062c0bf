using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Alerts;
using Warning.Engine.Triggers;
using static Warning.Engine.Triggers.TriggerDecisionKind;

namespace Warning.Engine.Tests.Triggers;

public sealed class TriggerEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);
    private RuleState _state = RuleState.Quiet("r1");

    private static TriggerRule Rain(double hysteresis = 0, TimeSpan sustained = default) => new()
    {
        Id = "r1",
        Name = "雨量站 RG-001",
        DepartmentId = "qinglan-ema",
        StationId = "RG-001",
        Measure = "rain_1h_mm",
        Thresholds = [new(WarningLevel.Blue, 50), new(WarningLevel.Orange, 100)],
        Hysteresis = hysteresis,
        Sustained = sustained,
        EventType = "11B03",
        AreaCodes = ["440199001"],
        DescriptionTemplate = "{station} 1小时雨量 {value} 毫米",
    };

    private TriggerEvaluation Feed(TriggerRule rule, double value, int minute, string measure = "rain_1h_mm")
    {
        _time.SetUtcNow(T0.AddMinutes(minute));
        var evaluation = new TriggerEvaluator(_time).Evaluate(rule, _state, new Reading("RG-001", measure, value, T0.AddMinutes(minute)));
        _state = evaluation.Next;
        return evaluation;
    }

    [Fact]
    public void Evaluate_Crossing50Then100_OpensBlueThenRaisesOrange()
    {
        var rule = Rain();

        Assert.Equal(Quiet, Feed(rule, 30, 0).Kind);
        var blue = Feed(rule, 62, 10);
        var orange = Feed(rule, 104, 20);

        Assert.Equal((Open, WarningLevel.Blue), (blue.Kind, blue.To));
        Assert.Equal((Raise, WarningLevel.Orange), (orange.Kind, orange.To));
        Assert.Equal(WarningLevel.Orange, _state.Level);
    }

    [Fact]
    public void Evaluate_HoveringAroundThresholdWithinHysteresis_DoesNotFlap()
    {
        var rule = Rain(hysteresis: 5);
        Feed(rule, 51, 0);

        var kinds = new[] { 49, 52, 46, 50.5, 45 }.Select((v, i) => Feed(rule, v, i + 1).Kind).ToList();

        Assert.Equal([Hold, Hold, Hold, Hold, Hold], kinds);
        Assert.Equal(Clear, Feed(rule, 44.9, 10).Kind);
        Assert.Null(_state.Level);
    }

    [Fact]
    public void Evaluate_WithoutHysteresis_FlapsAtTheThreshold()
    {
        var rule = Rain();

        var kinds = new[] { 51, 49, 51 }.Select((v, i) => Feed(rule, v, i).Kind).ToList();

        Assert.Equal([Open, Clear, Open], kinds);
    }

    [Fact]
    public void Evaluate_FallingFromOrange_LowersToBlueBelowBandThenClears()
    {
        var rule = Rain(hysteresis: 10);
        Feed(rule, 120, 0);

        Assert.Equal(Hold, Feed(rule, 92, 1).Kind);
        var lower = Feed(rule, 85, 2);
        Assert.Equal((Lower, WarningLevel.Blue), (lower.Kind, lower.To));
        Assert.Equal(Hold, Feed(rule, 41, 3).Kind);
        Assert.Equal(Clear, Feed(rule, 39, 4).Kind);
    }

    [Fact]
    public void Evaluate_Sustained30Minutes_OpensOnlyWhenEveryReadingOfTheSpanIsAbove()
    {
        var rule = Rain(sustained: TimeSpan.FromMinutes(30));

        var kinds = new[] { 60, 40, 60, 60, 60, 60 }.Select((v, i) => Feed(rule, v, i * 10).Kind).ToList();

        // minute 30 would be covered but saw the dip at 10; 40 still starts from it; 50 is the first clean span.
        Assert.Equal([Quiet, Quiet, Quiet, Quiet, Quiet, Open], kinds);
    }

    [Fact]
    public void Evaluate_SustainedSpanNotYetCovered_HoldsBack()
    {
        var rule = Rain(sustained: TimeSpan.FromMinutes(30));

        Assert.Equal(Quiet, Feed(rule, 80, 0).Kind);
        Assert.Equal(Quiet, Feed(rule, 80, 20).Kind);
        Assert.Equal(Open, Feed(rule, 80, 30).Kind);
    }

    [Fact]
    public void Evaluate_RateOfChange_OpensWhenTheRiverRisesFastEnough()
    {
        var rule = Rain() with
        {
            Measure = "water_level_m",
            Basis = TriggerBasis.RatePerHour,
            RateWindow = TimeSpan.FromHours(1),
            Thresholds = [new(WarningLevel.Blue, 0.5)],
        };

        Assert.Equal(Insufficient, Feed(rule, 2.0, 0, "water_level_m").Kind);
        Assert.Equal(Insufficient, Feed(rule, 2.1, 15, "water_level_m").Kind);
        var half = Feed(rule, 2.2, 30, "water_level_m");
        Assert.Equal(Quiet, half.Kind);
        Assert.Equal(0.4, half.Signal!.Value, 6);
        Assert.Equal(Quiet, Feed(rule, 2.35, 45, "water_level_m").Kind);
        var open = Feed(rule, 2.6, 60, "water_level_m");
        Assert.Equal((Open, WarningLevel.Blue), (open.Kind, open.To));
        Assert.Equal(0.6, open.Signal!.Value, 6);
    }

    [Fact]
    public void Evaluate_StaleFutureOrRepeatedReading_IsIgnoredAndKeepsState()
    {
        var rule = Rain();
        Feed(rule, 62, 10);
        var evaluator = new TriggerEvaluator(_time);

        var repeated = evaluator.Evaluate(rule, _state, new Reading("RG-001", "rain_1h_mm", 200, T0.AddMinutes(10)));
        var future = evaluator.Evaluate(rule, _state, new Reading("RG-001", "rain_1h_mm", 200, T0.AddMinutes(20)));
        var stale = evaluator.Evaluate(rule, _state, new Reading("RG-001", "rain_1h_mm", 200, T0.AddMinutes(-55)));

        Assert.All([repeated, future, stale], e => Assert.Equal(Ignored, e.Kind));
        Assert.All([repeated, future, stale], e => Assert.Same(_state, e.Next));
    }

    [Fact]
    public void Watches_AreaRule_MatchesStationsInsideTheArea()
    {
        var rule = Rain() with { StationId = null, AreaCode = "440199001" };

        Assert.True(rule.Watches(new Reading("X", "rain_1h_mm", 1, T0, "440199001003")));
        Assert.False(rule.Watches(new Reading("X", "rain_1h_mm", 1, T0, "440199002003")));
        Assert.False(rule.Watches(new Reading("X", "gas_ppm", 1, T0, "440199001003")));
    }
}
