namespace Warning.Engine.Channels;

/// <summary>
/// One recipient's result. <see cref="Recipient"/> is the dense directory index (an int, not a string id, so a
/// million results allocate no strings); <see cref="ProviderMessageId"/> matches later delivery receipts.
/// </summary>
public readonly record struct DeliveryResult(int Recipient, DeliveryStatus Status, string? Detail = null, string? ProviderMessageId = null)
{
    /// <summary>True for Sent and Delivered.</summary>
    public bool IsSuccess => Status >= DeliveryStatus.Sent;

    /// <summary>
    /// Set when the provider refused the send for lack of quota (HTTP 429, WeChat 45009, SMPP throttling): how long
    /// it said to hold off. The status is then <see cref="DeliveryStatus.TransientFailure"/>; the engine's rate
    /// limiter, not the adapter, decides what to do with the pause.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Set when the send never reached the provider because it could not be reached at all (no bind, connection
    /// refused): the outage is the channel's, not this recipient's. The status is then
    /// <see cref="DeliveryStatus.TransientFailure"/>; the engine waits the outage out instead of spending attempts.
    /// </summary>
    public bool IsUnreachable { get; init; }

    /// <summary>True when the provider throttled this send (<see cref="RetryAfter"/> is set).</summary>
    public bool IsThrottled => RetryAfter is not null;

    /// <summary>Handed to the provider.</summary>
    public static DeliveryResult Sent(int recipient, string? providerMessageId = null) =>
        new(recipient, DeliveryStatus.Sent, null, providerMessageId);

    /// <summary>Confirmed delivered.</summary>
    public static DeliveryResult Delivered(int recipient, string? providerMessageId = null) =>
        new(recipient, DeliveryStatus.Delivered, null, providerMessageId);

    /// <summary>Refused for good by the provider.</summary>
    public static DeliveryResult Rejected(int recipient, string detail) => new(recipient, DeliveryStatus.Rejected, detail);

    /// <summary>Failed in a way worth retrying.</summary>
    public static DeliveryResult Transient(int recipient, string detail) => new(recipient, DeliveryStatus.TransientFailure, detail);

    /// <summary>Refused for lack of quota: transient, with the pause the provider asked for.</summary>
    public static DeliveryResult Throttled(int recipient, string detail, TimeSpan retryAfter) =>
        new(recipient, DeliveryStatus.TransientFailure, detail) { RetryAfter = retryAfter };

    /// <summary>Not sent: the provider could not be reached at all (transient, the channel's outage).</summary>
    public static DeliveryResult Unreachable(int recipient, string detail) =>
        new(recipient, DeliveryStatus.TransientFailure, detail) { IsUnreachable = true };

    /// <summary>Failed for good.</summary>
    public static DeliveryResult Failed(int recipient, string detail) => new(recipient, DeliveryStatus.Failed, detail);

    /// <summary>Not attempted.</summary>
    public static DeliveryResult Skipped(int recipient, string detail) => new(recipient, DeliveryStatus.Skipped, detail);

    /// <summary>No answer: the provider may or may not have it.</summary>
    public static DeliveryResult Unknown(int recipient, string detail) => new(recipient, DeliveryStatus.Unknown, detail);
}
