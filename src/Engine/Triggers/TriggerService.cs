using System.Globalization;
using System.Text;
using Warning.Engine.Durable;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;

namespace Warning.Engine.Triggers;

/// <summary>
/// Runs readings through the rules that watch them and acts on the warnings through <see cref="WarningService"/>,
/// as the actor <c>trigger:&lt;rule id&gt;</c>, so every check (jurisdiction, content, two-person rule) applies.
/// <para>
/// Dedup: a rule remembers the thread it opened; while that warning is open, a rule that keeps firing updates it
/// (raises the level, extends the expiry) rather than opening another. A rule raising or extending may publish
/// directly when pre-authorised. Lowering and cancelling never publish directly, even then: they are proposed as
/// drafts submitted for sign-off. An all-clear that comes too early is worse than one that comes late — a clogged
/// or failed gauge reads zero while it still pours, and a flood peaks downstream hours after the rain stops — and
/// lifting a warning is never urgent the way raising one is, so a person confirms it.
/// </para>
/// Every action goes into the action log with the readings that caused it.
/// </summary>
public sealed partial class TriggerService(
    ITriggerStore store,
    WarningService warnings,
    WarningComposer composer,
    IDepartmentDirectory departments,
    IAuditStore audit,
    TimeProvider timeProvider,
    INamedLocks? locks = null)
{
    private readonly TriggerEvaluator _evaluator = new(timeProvider);
    private readonly INamedLocks _locks = locks ?? new InProcessNamedLocks();

    public ITriggerStore Store => store;

    /// <summary>Evaluates each reading, oldest first, against every enabled rule that watches it.</summary>
    public async Task<IReadOnlyList<TriggerOutcome>> IngestAsync(IReadOnlyList<Reading> readings, string source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var rules = await store.ListRulesAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new List<TriggerOutcome>();
        foreach (var reading in readings.OrderBy(r => r.ObservedAt))
        {
            foreach (var rule in rules.Where(r => r.Watches(reading)))
            {
                outcomes.Add(await ApplyAsync(rule, reading, source, cancellationToken).ConfigureAwait(false));
            }
        }
        return outcomes;
    }

    private async Task<TriggerOutcome> ApplyAsync(TriggerRule rule, Reading reading, string source, CancellationToken cancellationToken)
    {
        // One reading at a time per rule, across every node that shares the locks (Redis in a cluster): reading the
        // rule's state, opening or updating its warning and saving the state is one step, or two nodes given readings
        // for a quiet rule at the same moment would each open a warning.
        var held = await _locks.AcquireAsync("trigger-rule:" + rule.Id, cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var state = await store.GetRuleStateAsync(rule.Id, cancellationToken).ConfigureAwait(false) ?? RuleState.Quiet(rule.Id);
            var evaluation = _evaluator.Evaluate(rule, state, reading);
            if (evaluation.Kind == TriggerDecisionKind.Ignored)
            {
                return new(rule.Id, reading.StationId, evaluation.Kind, TriggerAction.None, state.Level, state.ThreadId, evaluation.Reason);
            }
            Acted acted;
            try
            {
                acted = await ActAsync(rule, state, evaluation, reading, cancellationToken).ConfigureAwait(false);
            }
            catch (IssuingException e)
            {
                acted = new(TriggerAction.Failed, state.ThreadId, e.Message);
            }
            // A failed action keeps the level held before, so the next reading tries again.
            var next = evaluation.Next with
            {
                ThreadId = acted.ThreadId,
                Level = acted.Action == TriggerAction.Failed ? state.Level : evaluation.Next.Level,
            };
            await store.SaveRuleStateAsync(next, cancellationToken).ConfigureAwait(false);
            if (acted.Action != TriggerAction.None)
            {
                await audit.AppendActionAsync(ActorOf(rule), "trigger-" + Kebab(acted.Action), acted.ThreadId ?? rule.Id,
                    Details(rule, reading, evaluation, source, acted.Message), timeProvider.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false);
            }
            return new(rule.Id, reading.StationId, evaluation.Kind, acted.Action, next.Level, acted.ThreadId, acted.Message);
        }
    }

    public static string ActorOf(TriggerRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return "trigger:" + rule.Id;
    }

    /// <summary>The rule, the reading, the decision and every reading the rule looked back over, for the action log.</summary>
    private static string Details(TriggerRule rule, Reading reading, TriggerEvaluation evaluation, string source, string? message)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"rule={rule.Id}; station={reading.StationId}; measure={reading.Measure}; ");
        text.Append(CultureInfo.InvariantCulture, $"decision={evaluation.Kind}; level={evaluation.From?.ToString() ?? "-"}->{evaluation.To?.ToString() ?? "-"}; ");
        text.Append(CultureInfo.InvariantCulture, $"signal={evaluation.Signal?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-"}; source={source}; readings=[");
        text.AppendJoin(", ", evaluation.Next.Samples.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.At:yyyy-MM-ddTHH:mm:ssZ}={s.Value:0.###}")));
        text.Append(']');
        if (message is not null)
        {
            text.Append("; note=").Append(message);
        }
        return text.ToString();
    }

    private static string Kebab(TriggerAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private readonly record struct Acted(TriggerAction Action, string? ThreadId, string? Message = null);

    /// <summary>Released and in force, or its first version still in sign-off (a withdrawn first draft is dead).</summary>
    private static bool IsOpen(IssuedThread? issued) =>
        issued?.Thread.State == WarningThreadState.Active
        || issued?.Thread.State == WarningThreadState.Pending && issued.Thread.Pending is not null;
}
