namespace Warning.Channels.Smpp.Codec;

/// <summary>
/// A decoded deliver_sm (§4.6.1): a delivery receipt when <see cref="IsReceipt"/>, else a mobile-originated
/// message. The byte fields are copies: the PDU's buffer is reused once the read loop moves on.
/// </summary>
internal sealed record SmppDeliverSm(
    string SourceAddress,
    string DestinationAddress,
    byte EsmClass,
    byte DataCoding,
    byte[] ShortMessage,
    string? ReceiptedMessageId,
    byte? MessageState,
    byte[]? MessagePayload)
{
    /// <summary>esm_class bits 2–5 say the message type; 0x04 is an SMSC delivery receipt, 0x08/0x10/0x20 SME and intermediate notices.</summary>
    public bool IsReceipt => (EsmClass & 0x3C) != 0;

    public bool HasUdh => (EsmClass & SmsPart.UdhIndicator) != 0;

    /// <summary>The user data: message_payload when the SMSC used it, else short_message.</summary>
    public ReadOnlySpan<byte> UserData => MessagePayload ?? ShortMessage;

    public static SmppDeliverSm Read(ReadOnlySpan<byte> pdu)
    {
        var reader = new SmppPduReader(pdu);
        reader.CString(6); // service_type
        reader.Byte();
        reader.Byte();
        var source = reader.CString(21);
        reader.Byte();
        reader.Byte();
        var destination = reader.CString(21);
        var esmClass = reader.Byte();
        reader.Byte(); // protocol_id
        reader.Byte(); // priority_flag
        reader.CString(17); // schedule_delivery_time
        reader.CString(17); // validity_period
        reader.Byte(); // registered_delivery
        reader.Byte(); // replace_if_present_flag
        var dataCoding = reader.Byte();
        reader.Byte(); // sm_default_msg_id
        var shortMessage = reader.Octets(reader.Byte()).ToArray();
        string? receiptedId = null;
        byte? state = null;
        byte[]? payload = null;
        while (reader.TryReadTlv(out var tag, out var value))
        {
            switch (tag)
            {
                case SmppTag.ReceiptedMessageId:
                    receiptedId = System.Text.Encoding.Latin1.GetString(value.TrimEnd((byte)0));
                    break;
                case SmppTag.MessageState when value.Length == 1:
                    state = value[0];
                    break;
                case SmppTag.MessagePayload:
                    payload = value.ToArray();
                    break;
                default:
                    break; // an ESME ignores optional parameters it does not know (§3.2.10)
            }
        }
        return new SmppDeliverSm(source, destination, esmClass, dataCoding, shortMessage, receiptedId, state, payload);
    }
}
