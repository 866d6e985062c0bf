using Warning.Engine.Alerts;

namespace Warning.Engine.Triggers;

/// <summary>What one reading did to one rule: the evaluator's decision, the action taken on the warning, and its thread.</summary>
public sealed record TriggerOutcome(string RuleId, string StationId, TriggerDecisionKind Decision, TriggerAction Action,
    WarningLevel? Level, string? ThreadId, string? Message = null);

/// <summary>What the trigger service did to the rule's warning.</summary>
public enum TriggerAction
{
    None,
    Drafted,
    Published,
    UpdateDrafted,
    UpdatePublished,
    LowerProposed,
    CancelProposed,
    ProposalWithdrawn,
    DraftWithdrawn,
    Blocked,
    Failed,
}
