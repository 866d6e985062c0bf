using Warning.Engine.Alerts;

namespace Warning.Engine.Triggers;

/// <summary>A level is reached when the rule's signal is at or above <see cref="Value"/>.</summary>
public sealed record TriggerThreshold(WarningLevel Level, double Value);
