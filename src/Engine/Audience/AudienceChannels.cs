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
    internal static byte BitOf(string channel) => channel.ToUpperInvariant() switch
    {
        "SMS" => 1,
        "WECHAT" => 2,
        "LED" => 4,
        "BROADCAST" => 8,
        _ => 0,
    };

    internal static byte BitsOf(IEnumerable<string> channels)
    {
        byte bits = 0;
        foreach (var channel in channels)
        {
            bits |= BitOf(channel);
        }
        return bits;
    }
}
