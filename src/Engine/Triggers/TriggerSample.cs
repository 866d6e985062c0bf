namespace Warning.Engine.Triggers;

/// <summary>A reading a rule remembers: its value and the signal the rule computed from it (null: not enough data yet).</summary>
public sealed record TriggerSample(DateTimeOffset At, double Value, double? Signal);
