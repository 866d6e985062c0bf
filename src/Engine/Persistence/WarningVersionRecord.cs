namespace Warning.Engine.Persistence;

/// <summary>A published version; <see cref="OriginalXml"/> is the CAP document exactly as released.</summary>
public sealed record WarningVersionRecord(
    string Id,
    string ThreadId,
    string MsgType,
    string Status,
    int? Level,
    string Sender,
    DateTimeOffset Sent,
    DateTimeOffset? PublishedAt,
    string OriginalXml);
