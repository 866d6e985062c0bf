namespace Warning.Channels.Smpp.Codec;

/// <summary>data_coding values (§5.2.19) the adapter writes or decodes, and the sizes of one message in each.</summary>
internal static class SmsDataCoding
{
    /// <summary>SMSC default alphabet: GSM 03.38, one septet per octet on SMPP.</summary>
    public const byte Gsm = 0x00;

    public const byte Ascii = 0x01;
    public const byte Latin1 = 0x03;

    /// <summary>UCS2 = UTF-16BE; what Chinese text travels in.</summary>
    public const byte Ucs2 = 0x08;

    /// <summary>140 octets of user data: 70 UTF-16 units alone, 67 beside a 6-octet UDH.</summary>
    public const int Ucs2Single = 70;

    public const int Ucs2PerPart = 67;

    /// <summary>160 septets alone, 153 beside the UDH (7 septets of the 140 octets once packed on the air).</summary>
    public const int GsmSingle = 160;

    public const int GsmPerPart = 153;

    /// <summary>The UDH counts parts in one octet.</summary>
    public const int MaxParts = 255;
}
