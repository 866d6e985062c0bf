namespace Warning.Engine.Audience;

/// <summary>
/// Where a directory entry is reached on a channel, the one mapping the directory snapshot and the 叫应 escalation
/// share: a person's phone, openid, WeCom userid or e-mail; a device's id on its kind's channel; an endpoint's
/// address on its own channel.
/// </summary>
internal static class RecipientAddresses
{
    /// <summary>The address on the channel whose bit is <paramref name="channelBit"/>, or null when there is none.</summary>
    public static string? Of(IDirectoryEntry? entry, ushort channelBit) => entry switch
    {
        Person p => channelBit switch
        {
            AudienceChannels.SmsBit => p.Phone,
            AudienceChannels.WeChatBit => p.WeChatOpenId,
            AudienceChannels.WeComBit => p.WeComUserId,
            AudienceChannels.EmailBit => p.Email,
            _ => null,
        },
        Device d when channelBit != 0 && RecipientBits.ChannelBitOf(d.Kind) == channelBit => d.Id,
        Endpoint e when channelBit != 0 && AudienceChannels.BitOf(e.Channel) == channelBit => e.Address,
        _ => null,
    };
}
