namespace Warning.Engine.Channels;

/// <summary>Why a device stops showing or playing a warning.</summary>
public enum DeviceClearReason
{
    /// <summary>The issuer cancelled the warning (解除).</summary>
    Cancelled,

    /// <summary>The warning reached its expiry time.</summary>
    Expired,
}
