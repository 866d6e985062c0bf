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

    /// <summary>
    /// The version's text for each channel it may fall back to (its own per-channel text or the default one, cut to
    /// that channel's limit); null when the planner did not render any. See <see cref="ForChannel"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? TextByChannel { get; init; }

    /// <summary>This content as <paramref name="channel"/> sends it: its own text when one was rendered, else this one.</summary>
    public DeliveryContent ForChannel(string channel) =>
        TextByChannel is not null && TextByChannel.TryGetValue(channel, out var text) && !string.Equals(text, Text, StringComparison.Ordinal)
            ? this with { Text = text }
            : this;
}
