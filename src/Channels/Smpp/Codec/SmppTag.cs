namespace Warning.Channels.Smpp.Codec;

/// <summary>SMPP 3.4 optional parameter (TLV) tags the adapter reads or writes (§5.3.2).</summary>
internal static class SmppTag
{
    public const ushort ReceiptedMessageId = 0x001E;
    public const ushort ScInterfaceVersion = 0x0210;
    public const ushort MessagePayload = 0x0424;
    public const ushort MessageState = 0x0427;
}
