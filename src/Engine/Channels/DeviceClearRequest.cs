namespace Warning.Engine.Channels;

/// <summary>
/// Stop showing or playing a warning thread on these devices. <paramref name="VersionId"/> is the version that
/// ended it (the expired one, or the Cancel), so a resent clear carries the same message id.
/// </summary>
public sealed record DeviceClearRequest(
    string ThreadId, string VersionId, DeviceClearReason Reason, IReadOnlyList<DeliveryRecipient> Devices);
