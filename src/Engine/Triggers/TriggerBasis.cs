namespace Warning.Engine.Triggers;

/// <summary>What a rule's thresholds compare with.</summary>
public enum TriggerBasis
{
    /// <summary>The reading's value itself (1-hour rainfall 62 mm).</summary>
    Value,

    /// <summary>How fast the value changes, per hour, over the rule's rate window (a river rising 0.6 m/h).</summary>
    RatePerHour,
}
