using Warning.Engine.Alerts;

namespace Warning.Engine.Lifecycle;

/// <summary>Configurable parts of the lifecycle rules.</summary>
public sealed class LifecyclePolicy
{
    public const string SectionName = "Warning:Lifecycle";

    /// <summary>From this level up, the approver must be another person than the drafter. Default: Orange.</summary>
    public WarningLevel TwoPersonRuleFrom { get; set; } = WarningLevel.Orange;

    public static LifecyclePolicy Default { get; } = new();
}
