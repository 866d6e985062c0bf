namespace Warning.Channels;

/// <summary>Stable channel keys, shared by configuration, adapters and the 12379 method names.</summary>
public static class ChannelNames
{
    public const string Sms = "sms";
    public const string Led = "led";
    public const string Broadcast = "broadcast";
    public const string WeChat = "wechat";
    public const string BroadcastPlatform = "broadcast-platform";
    public const string WeCom = "wecom";
    public const string WeComRobot = "wecom-robot";
    public const string Email = "email";
    public const string Webhook = "webhook";
}
