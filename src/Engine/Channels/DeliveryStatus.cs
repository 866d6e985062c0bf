namespace Warning.Engine.Channels;

/// <summary>The outcome of one recipient in one adapter call. Values from <see cref="Sent"/> up are success.</summary>
public enum DeliveryStatus
{
    /// <summary>The provider may or may not have taken it (no answer before the timeout).</summary>
    Unknown,

    /// <summary>Not attempted: superseded, cancelled, expired or filtered by policy.</summary>
    Skipped,

    /// <summary>The provider refused it for good (bad number, unsubscribed user).</summary>
    Rejected,

    /// <summary>Failed for good after the engine's retries.</summary>
    Failed,

    /// <summary>Failed in a way worth retrying (5xx, timeout, throttled).</summary>
    TransientFailure,

    /// <summary>Handed to the provider.</summary>
    Sent,

    /// <summary>The provider confirmed delivery to the device.</summary>
    Delivered,
}
