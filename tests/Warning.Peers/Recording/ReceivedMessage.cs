namespace Warning.Peers.Recording;

/// <summary>
/// One message as one peer received it, for one recipient: a device id, an openid, a WeCom userid, a robot name or
/// the platform's area codes. <paramref name="Warning"/> is the thread (devices), the identifier of the detail link
/// /w/{identifier} (WeChat family) or the EBMID (platform); <paramref name="MessageId"/> is the id the sender can
/// match in its audit: the command's msgId, the msgid we answered, the EBDID. <paramref name="Duplicate"/> marks a
/// message the real peer would have recognised as a repeat (same msgId, client_msg_id or duplicate-checked content).
/// </summary>
internal sealed record ReceivedMessage(
    string Channel,
    string Recipient,
    string? Warning,
    string? Version,
    string? MessageId,
    string Kind,
    string? Text,
    bool Duplicate,
    DateTimeOffset At,
    string? Detail = null);
