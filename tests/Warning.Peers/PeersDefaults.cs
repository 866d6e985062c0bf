namespace Warning.Peers;

/// <summary>
/// Every port, path and credential the stand-ins use unless configured otherwise, in one place, so a host profile
/// (config/peers.json) and scripts/peers.sh can be written from this file alone. None of these is a secret: they
/// exist only between our own processes on loopback.
/// </summary>
internal static class PeersDefaults
{
    /// <summary>The page, the counts API and every HTTP stand-in share one Kestrel.</summary>
    public const string Url = "http://127.0.0.1:18080";

    public const string WeChatPrefix = "/wechat";
    public const string WeComPrefix = "/wecom";
    public const string RobotPrefix = "/robot";
    public const string BroadcastPlatformPrefix = "/ebd";

    public const string MqttHost = "127.0.0.1";
    public const int MqttPort = 1883;
    public const string TopicRoot = "ews";

    /// <summary>The demo district (青岚区, as in config/embedded.json); "+" would take every district on the broker.</summary>
    public const string District = "440199";

    public const string DeviceClientId = "warning-peers-devices";

    public const string WeChatAppId = "wxpeers00000000001";
    public const string WeChatAppSecret = "peers-wechat-app-secret";
    public const string WeChatTemplateId = "peers-warning-template";

    public const string WeComCorpId = "wwpeers00000000001";
    public const string WeComCorpSecret = "peers-wecom-corp-secret";
    public const int WeComAgentId = 1000002;

    public const string RobotName = "duty-room";
    public const string RobotKey = "peers-robot-key-duty-room";

    public const string SecondRobotName = "flood-control";
    public const string SecondRobotKey = "peers-robot-key-flood-control";

    /// <summary>A group robot takes 20 messages a minute (shared/reference/channel-protocols.md §2.2).</summary>
    public const int RobotMessagesPerMinute = 20;

    /// <summary>Ours as the emergency-information source and the platform's (the EBRIDs the channel tests always used).</summary>
    public const string SourceEbrId = "44010616000000103010101";
    public const string PlatformEbrId = "44010600000000301010101";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(7200);
}
