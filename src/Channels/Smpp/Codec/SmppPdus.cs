using System.Globalization;

namespace Warning.Channels.Smpp.Codec;

/// <summary>Encoders of the PDUs an ESME sends (SMPP 3.4 §4), each writing one whole PDU and returning its length.</summary>
internal static class SmppPdus
{
    public const byte InterfaceVersion = 0x34;

    /// <summary>Enough for any PDU written here: submit_sm is at most 16 + 88 octets of fields + 1 + 254 + a TLV or two.</summary>
    public const int MaxOutgoingLength = 512;

    public static int BindTransceiver(Span<byte> destination, uint sequence, SmppBindRequest bind)
    {
        var writer = new SmppPduWriter(destination, SmppCommand.BindTransceiver, SmppStatus.Ok, sequence);
        writer.CString(bind.SystemId, 16);
        writer.CString(bind.Password, 9);
        writer.CString(bind.SystemType, 13);
        writer.Byte(InterfaceVersion);
        writer.Byte(bind.AddressTon);
        writer.Byte(bind.AddressNpi);
        writer.CString(bind.AddressRange, 41);
        return writer.Finish();
    }

    /// <summary>One segment to one address; a part of a longer text carries the 8-bit-reference concatenation UDH.</summary>
    public static int SubmitSm(Span<byte> destination, uint sequence, in SmppSubmitRequest submit, SmsPart part, byte reference)
    {
        var writer = new SmppPduWriter(destination, SmppCommand.SubmitSm, SmppStatus.Ok, sequence);
        writer.CString(submit.ServiceType, 6);
        writer.Byte(submit.SourceTon);
        writer.Byte(submit.SourceNpi);
        writer.CString(submit.SourceAddress, 21);
        writer.Byte(submit.DestinationTon);
        writer.Byte(submit.DestinationNpi);
        writer.CString(submit.DestinationAddress, 21);
        writer.Byte(part.IsConcatenated ? (byte)(submit.EsmClass | SmsPart.UdhIndicator) : submit.EsmClass);
        writer.Byte(0); // protocol_id
        writer.Byte(0); // priority_flag: the engine orders by level before the SMSC sees anything
        writer.CString(string.Empty, 17); // schedule_delivery_time: now
        writer.CString(ValidityPeriod(submit.ValidUntil), 17);
        writer.Byte(submit.RegisteredDelivery);
        writer.Byte(0); // replace_if_present_flag
        writer.Byte(part.DataCoding);
        writer.Byte(0); // sm_default_msg_id
        var header = part.IsConcatenated ? SmsPart.UdhLength : 0;
        writer.Byte(checked((byte)(header + part.Payload.Length)));
        if (part.IsConcatenated)
        {
            // IEI 0x00: concatenated short message, 8-bit reference (3GPP TS 23.040 §9.2.3.24.1).
            writer.Octets([0x05, 0x00, 0x03, reference, part.Total, part.Number]);
        }
        writer.Octets(part.Payload.Span);
        return writer.Finish();
    }

    /// <summary>A PDU without a body: enquire_link, unbind, their responses, generic_nack.</summary>
    public static int Bodyless(Span<byte> destination, uint commandId, uint status, uint sequence) =>
        new SmppPduWriter(destination, commandId, status, sequence).Finish();

    /// <summary>deliver_sm_resp: its only field, message_id, is unused and sent empty.</summary>
    public static int DeliverSmResp(Span<byte> destination, uint status, uint sequence)
    {
        var writer = new SmppPduWriter(destination, SmppCommand.DeliverSmResp, status, sequence);
        writer.CString(string.Empty, 1);
        return writer.Finish();
    }

    /// <summary>The id field of a response: message_id of submit_sm_resp, system_id of a bind response.</summary>
    public static string? ResponseId(ReadOnlySpan<byte> pdu)
    {
        var reader = new SmppPduReader(pdu);
        return reader.Header.CommandId switch
        {
            SmppCommand.SubmitSmResp => reader.CString(65),
            SmppCommand.BindTransceiverResp => reader.CString(16),
            _ => null,
        };
    }

    /// <summary>Absolute time "YYMMDDhhmmss000+" in UTC (§7.1.1), or empty for the SMSC's default validity.</summary>
    internal static string ValidityPeriod(DateTimeOffset? until) =>
        until is { } at ? at.UtcDateTime.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "000+" : string.Empty;
}
