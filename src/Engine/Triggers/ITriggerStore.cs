namespace Warning.Engine.Triggers;

/// <summary>Monitoring rules and where each stands, in the SQL store (migration 0005).</summary>
public interface ITriggerStore
{
    /// <summary>Adds the rule or replaces the one with its id.</summary>
    Task SaveRuleAsync(TriggerRule rule, CancellationToken cancellationToken);

    Task<TriggerRule?> GetRuleAsync(string ruleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TriggerRule>> ListRulesAsync(CancellationToken cancellationToken);

    Task<RuleState?> GetRuleStateAsync(string ruleId, CancellationToken cancellationToken);

    Task SaveRuleStateAsync(RuleState state, CancellationToken cancellationToken);

    Task<IReadOnlyList<RuleState>> ListRuleStatesAsync(CancellationToken cancellationToken);
}
