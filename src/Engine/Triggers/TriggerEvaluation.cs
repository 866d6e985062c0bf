using Warning.Engine.Alerts;

namespace Warning.Engine.Triggers;

/// <summary>The evaluator's answer: the rule's next state and what changed, with the signal and the readings behind it.</summary>
public sealed record TriggerEvaluation(RuleState Next, TriggerDecisionKind Kind, WarningLevel? From, WarningLevel? To, double? Signal,
    string? Reason = null);
