namespace Warning.Peers.WeChat;

/// <summary>WeCom group robots.</summary>
internal sealed class RobotStandInOptions
{
    /// <summary>
    /// Robot name → webhook key; another key is answered 93000. Configured robots are added to the default one.
    /// Default: duty-room → peers-robot-key-duty-room.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal)
    {
        [PeersDefaults.RobotName] = PeersDefaults.RobotKey,
    };

    /// <summary>Messages a robot takes per minute before it answers 45009. Default: 20.</summary>
    public int MessagesPerMinute { get; set; } = PeersDefaults.RobotMessagesPerMinute;
}
