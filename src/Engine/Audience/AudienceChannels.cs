namespace Warning.Engine.Audience;

/// <summary>
/// The channels the directory knows how to reach, with one availability bit each. The names equal
/// Warning.Channels.ChannelNames (the Engine does not reference that project).
/// </summary>
public static class AudienceChannels
{
    public const string Sms = "sms";
    public const string WeChat = "wechat";
    public const string Led = "led";
    public const string Broadcast = "broadcast";

    public static IReadOnlyList<string> All { get; } = [Sms, WeChat, Led, Broadcast];

    public static bool IsKnown(string? channel) => channel is not null && BitOf(channel) != 0;

    /// <summary>The channel's availability bit, 0 for an unknown channel.</summary>
    internal static byte BitOf(string channel) =>
        Is(channel, Sms) ? (byte)1
        : Is(channel, WeChat) ? (byte)2
        : Is(channel, Led) ? (byte)4
        : Is(channel, Broadcast) ? (byte)8
        : (byte)0;

    private static bool Is(string channel, string name) => string.Equals(channel, name, StringComparison.OrdinalIgnoreCase);

    internal static byte BitsOf(IReadOnlyList<string> channels)
    {
        byte bits = 0;
        for (var i = 0; i < channels.Count; i++)
        {
            bits |= BitOf(channels[i]);
        }
        return bits;
    }
}
