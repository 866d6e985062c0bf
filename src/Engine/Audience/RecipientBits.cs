namespace Warning.Engine.Audience;

/// <summary>
/// What the audience index keeps per recipient about channels, in one <see cref="ushort"/>: bits 0–8 the channels
/// it has an address on (the <see cref="AudienceChannels"/> bits), bits 9–12 the person channels it opted out of
/// (the same four bits shifted up), bit 13 <see cref="Endpoint.ReceivesSubareaWarnings"/>. Nine channels in one
/// array instead of a channel byte and an opt-out byte keeps the index at the size it had with four.
/// </summary>
internal static class RecipientBits
{
    public const ushort SubareaWarnings = 1 << 13;
    private const int OptOutShift = 9;

    public static ushort Of(IDirectoryEntry entry) => entry switch
    {
        Person p => (ushort)(Available(p) | (OptOuts(p) << OptOutShift)),
        Device d => ChannelBitOf(d.Kind),
        Endpoint e => (ushort)((AudienceChannels.BitOf(e.Channel) & AudienceChannels.EndpointBits)
            | (e.ReceivesSubareaWarnings ? SubareaWarnings : 0)),
        _ => 0,
    };

    /// <summary>The channels of <paramref name="bits"/> that are available and not opted out of.</summary>
    public static int Reachable(ushort bits) => bits & ~((bits >> OptOutShift) & AudienceChannels.PersonBits);

    public static ushort ChannelBitOf(DeviceKind kind) => kind switch
    {
        DeviceKind.LedSign => AudienceChannels.LedBit,
        DeviceKind.BroadcastTerminal => AudienceChannels.BroadcastBit,
        _ => 0,
    };

    private static int Available(Person p) =>
        (p.Phone is null ? 0 : AudienceChannels.SmsBit)
        | (p.WeChatOpenId is null ? 0 : AudienceChannels.WeChatBit)
        | (p.WeComUserId is null ? 0 : AudienceChannels.WeComBit)
        | (p.Email is null ? 0 : AudienceChannels.EmailBit);

    // Only person channels can be declined: nobody else has an address on the others, so nothing is lost.
    private static int OptOuts(Person p) =>
        p.OptedOutChannels.Count == 0 ? 0 : AudienceChannels.BitsOf(p.OptedOutChannels) & AudienceChannels.PersonBits;
}
