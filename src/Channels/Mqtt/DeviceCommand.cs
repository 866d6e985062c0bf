namespace Warning.Channels.Mqtt;

/// <summary>
/// The JSON command on a device's cmd topic (vendor-neutral; an on-site gateway maps it to Onbon, Huidu … SDK calls).
/// <code>
/// LED show       {"msgId","action":"show","threadId","versionId","msgType","level","drill","pages":[["line","line"],…],
///                 "pageSeconds","expiresAt"}
/// broadcast play {"msgId","action":"play","threadId","versionId","msgType","level","drill","text","repeat","expiresAt"}
/// LED clear      {"msgId","action":"clear","threadId","versionId","reason":"cancelled"|"expired"}
/// broadcast stop {"msgId","action":"stop","threadId","versionId","reason":"cancelled"|"expired"}
/// </code>
/// A device keeps one warning per <c>threadId</c>: a newer version replaces it, clear/stop removes it, and it drops
/// it by itself at <c>expiresAt</c>. <c>msgId</c> is stable for version × device × action
/// (<see cref="MessageIds"/>): a command that arrives twice (a resend after a lost PUBACK) is recognised and acknowledged
/// again without showing or playing twice.
/// </summary>
internal sealed record DeviceCommand(string MsgId, string Action, string ThreadId, string VersionId)
{
    public string? MsgType { get; init; }

    public string? Level { get; init; }

    public bool? Drill { get; init; }

    public IReadOnlyList<IReadOnlyList<string>>? Pages { get; init; }

    public int? PageSeconds { get; init; }

    public string? Text { get; init; }

    public int? Repeat { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? Reason { get; init; }
}

/// <summary>Command actions.</summary>
internal static class DeviceActions
{
    public const string Show = "show";
    public const string Clear = "clear";
    public const string Play = "play";
    public const string Stop = "stop";
}
