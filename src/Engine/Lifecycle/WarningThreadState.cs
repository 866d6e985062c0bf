namespace Warning.Engine.Lifecycle;

/// <summary>Where a warning thread (预警事件) stands. Cancelled and Expired are final.</summary>
public enum WarningThreadState
{
    /// <summary>Its first version is being drafted or approved; nothing has been released.</summary>
    Pending,

    /// <summary>A version has been published and the warning is in force.</summary>
    Active,

    /// <summary>Formally cancelled (解除) by a published Cancel.</summary>
    Cancelled,

    /// <summary>Ran past the current version's expiry time.</summary>
    Expired,
}
