namespace Warning.Engine.Audience;

/// <summary>
/// The channels the directory knows how to reach, with one availability bit each. The names equal
/// Warning.Channels.ChannelNames (the Engine does not reference that project).
/// </summary>
/// <remarks>
/// The four channels a person is reached on take the lowest bits, so that a person's opt-outs can be kept in the
/// same <see cref="ushort"/> of the audience index (see <see cref="RecipientBits"/>).
/// </remarks>
public static class AudienceChannels
{
    public const string Sms = "sms";
    public const string WeChat = "wechat";
    public const string Led = "led";
    public const string Broadcast = "broadcast";

    /// <summary>The emergency-broadcast platform (GY/T 384/385); the address is an area code the platform covers.</summary>
    public const string BroadcastPlatform = "broadcast-platform";

    /// <summary>A WeCom (企业微信) application message; the address is a member's userid.</summary>
    public const string WeCom = "wecom";

    /// <summary>A WeCom group robot; the address is the robot's name in the adapter's options.</summary>
    public const string WeComRobot = "wecom-robot";

    public const string Email = "email";

    /// <summary>A signed webhook; the address is the subscriber's name in the adapter's options.</summary>
    public const string Webhook = "webhook";

    internal const ushort SmsBit = 1 << 0;
    internal const ushort WeChatBit = 1 << 1;
    internal const ushort WeComBit = 1 << 2;
    internal const ushort EmailBit = 1 << 3;
    internal const ushort LedBit = 1 << 4;
    internal const ushort BroadcastBit = 1 << 5;
    internal const ushort BroadcastPlatformBit = 1 << 6;
    internal const ushort WeComRobotBit = 1 << 7;
    internal const ushort WebhookBit = 1 << 8;

    /// <summary>The bits of the channels a person has an address on (and may opt out of).</summary>
    internal const ushort PersonBits = SmsBit | WeChatBit | WeComBit | EmailBit;

    /// <summary>The bits of the channels an <see cref="Endpoint"/> may be on.</summary>
    internal const ushort EndpointBits = BroadcastPlatformBit | WeComRobotBit | WebhookBit;

    public static IReadOnlyList<string> All { get; } =
        [Sms, WeChat, Led, Broadcast, BroadcastPlatform, WeCom, WeComRobot, Email, Webhook];

    /// <summary>Channels a person is reached on: phone, WeChat openid, WeCom userid, e-mail.</summary>
    public static IReadOnlyList<string> PersonChannels { get; } = [Sms, WeChat, WeCom, Email];

    /// <summary>Channels an <see cref="Endpoint"/> (a system or group, not a person or device) is reached on.</summary>
    public static IReadOnlyList<string> EndpointChannels { get; } = [BroadcastPlatform, WeComRobot, Webhook];

    public static bool IsKnown(string? channel) => channel is not null && BitOf(channel) != 0;

    public static bool IsPersonChannel(string? channel) => channel is not null && (BitOf(channel) & PersonBits) != 0;

    public static bool IsEndpointChannel(string? channel) => channel is not null && (BitOf(channel) & EndpointBits) != 0;

    /// <summary>The channel's availability bit, 0 for an unknown channel.</summary>
    internal static ushort BitOf(string channel) =>
        Is(channel, Sms) ? SmsBit
        : Is(channel, WeChat) ? WeChatBit
        : Is(channel, Led) ? LedBit
        : Is(channel, Broadcast) ? BroadcastBit
        : Is(channel, WeCom) ? WeComBit
        : Is(channel, Email) ? EmailBit
        : Is(channel, BroadcastPlatform) ? BroadcastPlatformBit
        : Is(channel, WeComRobot) ? WeComRobotBit
        : Is(channel, Webhook) ? WebhookBit
        : (ushort)0;

    private static bool Is(string channel, string name) => string.Equals(channel, name, StringComparison.OrdinalIgnoreCase);

    internal static ushort BitsOf(IReadOnlyList<string> channels)
    {
        ushort bits = 0;
        for (var i = 0; i < channels.Count; i++)
        {
            bits |= BitOf(channels[i]);
        }
        return bits;
    }
}
