namespace Warning.Channels.Mqtt;

/// <summary>
/// A device's answer on its ack topic: <c>{"msgId":"…","status":"shown|played|cleared|stopped|failed","detail":"…"}</c>.
/// It becomes a provider receipt for the delivery that was sent with that msgId: Delivered, or Failed for "failed".
/// </summary>
internal sealed record DeviceAck(string? MsgId, string? Status, string? Detail = null)
{
    public const string Failed = "failed";

    private static readonly string[] DoneStatuses = ["shown", "played", "cleared", "stopped"];

    public bool IsDone => Status is not null && DoneStatuses.Contains(Status, StringComparer.Ordinal);

    public bool IsFailed => string.Equals(Status, Failed, StringComparison.Ordinal);
}
