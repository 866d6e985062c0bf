namespace Warning.Engine.Triggers;

/// <summary>What the evaluator concluded from one reading.</summary>
public enum TriggerDecisionKind
{
    /// <summary>The reading was not used: from the future, too old, or older than one already seen.</summary>
    Ignored,

    /// <summary>Not enough readings yet (a rate needs two, spanning half its window).</summary>
    Insufficient,

    /// <summary>No level before or after.</summary>
    Quiet,

    /// <summary>A level is reached from quiet.</summary>
    Open,

    /// <summary>A higher level than the one held.</summary>
    Raise,

    /// <summary>The level held stays.</summary>
    Hold,

    /// <summary>The signal fell below the held level's threshold minus hysteresis, to a lower level.</summary>
    Lower,

    /// <summary>The signal fell below the lowest threshold minus hysteresis.</summary>
    Clear,
}
