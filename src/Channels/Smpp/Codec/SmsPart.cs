namespace Warning.Channels.Smpp.Codec;

/// <summary>
/// One short message of a text: its encoded user data without the header, and where it stands in the whole
/// (<see cref="Number"/> of <see cref="Total"/>, from 1). A part of a longer text is sent with the UDH.
/// </summary>
internal readonly record struct SmsPart(byte DataCoding, byte Number, byte Total, ReadOnlyMemory<byte> Payload)
{
    /// <summary>esm_class bit saying short_message starts with a user data header.</summary>
    public const byte UdhIndicator = 0x40;

    /// <summary>UDHL + IEI 0x00 + IEDL + reference + total + number.</summary>
    public const int UdhLength = 6;

    public bool IsConcatenated => Total > 1;
}
