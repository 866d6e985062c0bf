using Warning.Engine.Alerts;

namespace Warning.Engine.Triggers;

/// <summary>
/// Where a rule stands: the level it holds (null: quiet), the warning thread it opened (kept while that warning is
/// open, so that a rule that keeps firing updates it instead of opening another), and the recent readings that its
/// sustained and rate-of-change conditions look back over.
/// </summary>
public sealed record RuleState(string RuleId, WarningLevel? Level, string? ThreadId, IReadOnlyList<TriggerSample> Samples,
    DateTimeOffset UpdatedAt)
{
    public static RuleState Quiet(string ruleId) => new(ruleId, null, null, [], DateTimeOffset.MinValue);
}
