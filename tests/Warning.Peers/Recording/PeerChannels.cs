namespace Warning.Peers.Recording;

/// <summary>The channel keys the counts API reports under: the product's channel names, so a test can compare one to one.</summary>
internal static class PeerChannels
{
    public const string Led = "led";
    public const string Broadcast = "broadcast";
    public const string WeChat = "wechat";
    public const string WeCom = "wecom";
    public const string WeComRobot = "wecom-robot";
    public const string BroadcastPlatform = "broadcast-platform";

    /// <summary>Always listed by GET /api/received, empty or not.</summary>
    public static readonly string[] All = [Led, Broadcast, WeChat, WeCom, WeComRobot, BroadcastPlatform];
}

/// <summary>What a peer did with one message.</summary>
internal static class ReceivedKinds
{
    /// <summary>An LED sign put it on its face.</summary>
    public const string Display = "display";

    /// <summary>A terminal plays it.</summary>
    public const string Play = "play";

    /// <summary>A device dropped a warning (LED clear, terminal stop), or the platform got a cancel (EBM MsgType 2).</summary>
    public const string Clear = "clear";

    /// <summary>An API accepted a message for a person, group or area.</summary>
    public const string Send = "send";
}
