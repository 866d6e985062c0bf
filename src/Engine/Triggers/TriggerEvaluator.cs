using Warning.Engine.Alerts;

namespace Warning.Engine.Triggers;

/// <summary>
/// Decides, from a rule, its state and one reading, the rule's next level. Pure: no I/O, the only outside input is
/// the clock, which bounds how old or how far ahead a reading may be.
/// <para>
/// Rising: the signal must be at or above a level's threshold in every reading of the last <see cref="TriggerRule.Sustained"/>
/// (and the readings must cover that span). Falling: a level held is kept while the signal stays at or above its
/// threshold minus <see cref="TriggerRule.Hysteresis"/>, so a value hovering at a threshold does not flap; it is left
/// only when every reading of the sustained span is below that band.
/// </para>
/// </summary>
public sealed class TriggerEvaluator(TimeProvider timeProvider)
{
    /// <summary>A reading older than this starts nothing: it describes a past the warning would come too late for.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Station clocks drift; a reading further ahead than this is refused as wrong.</summary>
    public static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(5);

    public TriggerEvaluation Evaluate(TriggerRule rule, RuleState state, Reading reading)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reading);
        var now = timeProvider.GetUtcNow();
        if (reading.ObservedAt > now + FutureSkew)
        {
            return new(state, TriggerDecisionKind.Ignored, state.Level, state.Level, null, "observed in the future");
        }
        if (now - reading.ObservedAt > StaleAfter)
        {
            return new(state, TriggerDecisionKind.Ignored, state.Level, state.Level, null, "stale");
        }
        if (state.Samples.Count > 0 && reading.ObservedAt <= state.Samples[^1].At)
        {
            return new(state, TriggerDecisionKind.Ignored, state.Level, state.Level, null, "not newer than the last reading");
        }

        var at = reading.ObservedAt;
        var samples = Keep(rule, [.. state.Samples, new TriggerSample(at, reading.Value, null)], at);
        var signal = rule.Basis == TriggerBasis.Value ? reading.Value : Rate(rule, samples, at);
        samples[^1] = samples[^1] with { Signal = signal };
        var next = state with { Samples = samples, UpdatedAt = now };
        if (signal is null)
        {
            return new(next, TriggerDecisionKind.Insufficient, state.Level, state.Level, null);
        }

        var level = NextLevel(rule, state.Level, samples, at);
        var kind = (state.Level, level) switch
        {
            (null, null) => TriggerDecisionKind.Quiet,
            (null, _) => TriggerDecisionKind.Open,
            (_, null) => TriggerDecisionKind.Clear,
            var (from, to) when to > from => TriggerDecisionKind.Raise,
            var (from, to) when to < from => TriggerDecisionKind.Lower,
            _ => TriggerDecisionKind.Hold,
        };
        return new(next with { Level = level }, kind, state.Level, level, signal);
    }

    private static WarningLevel? NextLevel(TriggerRule rule, WarningLevel? held, List<TriggerSample> samples, DateTimeOffset at)
    {
        // The readings that stand for the sustained span: those inside it plus the last one at or before its start,
        // whose value held until the next reading. Without that one the span is not covered and nothing changes.
        var window = new List<TriggerSample>();
        if (rule.Sustained == TimeSpan.Zero)
        {
            window.Add(samples[^1]);
        }
        else
        {
            var from = at - rule.Sustained;
            if (samples.LastOrDefault(s => s.Signal is not null && s.At <= from) is not { } start)
            {
                return held;
            }
            window.Add(start);
            window.AddRange(samples.Where(s => s.Signal is not null && s.At > from));
        }

        // The level every reading of the span reached (LINQ's Min would skip a reading below every threshold).
        var raws = window.Select(s => RawLevel(rule, s.Signal!.Value)).ToList();
        var rise = raws.Any(r => r is null) ? null : raws.Min();
        if (Above(rise, held))
        {
            return rise;
        }
        var fall = window.Select(s => HeldLevel(rule, s.Signal!.Value, held)).Max();
        return Above(held, fall) ? fall : held;
    }

    /// <summary>The highest level whose threshold the signal reaches; null below the lowest.</summary>
    private static WarningLevel? RawLevel(TriggerRule rule, double signal) =>
        rule.Thresholds.Where(t => signal >= t.Value).Select(t => (WarningLevel?)t.Level).Max();

    /// <summary>The level a signal keeps when <paramref name="held"/> is held: any level up to it within the hysteresis band.</summary>
    private static WarningLevel? HeldLevel(TriggerRule rule, double signal, WarningLevel? held)
    {
        var kept = rule.Thresholds.Where(t => t.Level <= held && signal >= t.Value - rule.Hysteresis)
            .Select(t => (WarningLevel?)t.Level).Max();
        var raw = RawLevel(rule, signal);
        return Above(kept, raw) ? kept : raw;
    }

    /// <summary>Whether <paramref name="a"/> is a higher level than <paramref name="b"/>, quiet (null) being the lowest.</summary>
    private static bool Above(WarningLevel? a, WarningLevel? b) => a is { } x && (b is not { } y || x > y);

    /// <summary>Value change per hour from the reading at the start of the rate window (or the oldest kept) to now.</summary>
    private static double? Rate(TriggerRule rule, List<TriggerSample> samples, DateTimeOffset at)
    {
        var start = samples.LastOrDefault(s => s.At <= at - rule.RateWindow) ?? samples[0];
        var span = at - start.At;
        if (span < rule.RateWindow / 2)
        {
            return null;
        }
        return (samples[^1].Value - start.Value) / span.TotalHours;
    }

    /// <summary>Keeps what the conditions look back over: the readings in the longest span and the last one before it.</summary>
    private static List<TriggerSample> Keep(TriggerRule rule, List<TriggerSample> samples, DateTimeOffset at)
    {
        var horizon = rule.Basis == TriggerBasis.RatePerHour ? rule.Sustained + rule.RateWindow : rule.Sustained;
        var from = at - horizon;
        var firstInside = samples.FindIndex(s => s.At >= from);
        var keepFrom = horizon == TimeSpan.Zero ? samples.Count - 1 : Math.Max(0, firstInside - 1);
        return samples.GetRange(keepFrom, samples.Count - keepFrom);
    }
}
