namespace Warning.Channels.Smpp.Codec;

/// <summary>The fields of bind_transceiver (§4.1.5).</summary>
internal sealed record SmppBindRequest(string SystemId, string Password, string SystemType, byte AddressTon = 0, byte AddressNpi = 0,
    string AddressRange = "");
