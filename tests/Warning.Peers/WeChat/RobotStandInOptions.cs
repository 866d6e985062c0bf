namespace Warning.Peers.WeChat;

/// <summary>WeCom group robots.</summary>
internal sealed class RobotStandInOptions
{
    /// <summary>
    /// Robot name → webhook key; another key is answered 93000. Configured robots are added to the default one.
    /// Default: the demo district's two robots, duty-room and flood-control (config/peers.json names the same keys).
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal)
    {
        [PeersDefaults.RobotName] = PeersDefaults.RobotKey,
        [PeersDefaults.SecondRobotName] = PeersDefaults.SecondRobotKey,
    };

    /// <summary>Messages a robot takes per minute before it answers 45009. Default: 20.</summary>
    public int MessagesPerMinute { get; set; } = PeersDefaults.RobotMessagesPerMinute;
}
