using Warning.Engine.Alerts;

namespace Warning.Engine.Channels;

/// <summary>
/// What every recipient of a batch gets: the channel's text for one version, with what an adapter needs to
/// present it (level, status for the drill mark, expiry for MQTT message expiry, the message for rich channels).
/// </summary>
public sealed record DeliveryContent(
    string ThreadId,
    string VersionId,
    MessageType MsgType,
    AlertStatus Status,
    WarningLevel? Level,
    string Text,
    DateTimeOffset? Expires)
{
    /// <summary>The whole version, for adapters that render more than text (LED layout, CAP feed, e-mail).</summary>
    public WarningMessage? Message { get; init; }
}
