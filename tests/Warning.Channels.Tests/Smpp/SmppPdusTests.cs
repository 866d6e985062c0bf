using System.Buffers;
using Warning.Channels.Smpp.Codec;

namespace Warning.Channels.Tests.Smpp;

public sealed class SmppPdusTests
{
    [Fact]
    public void BindTransceiver_Fields_EncodesSpecLayout()
    {
        var buffer = new byte[SmppPdus.MaxOutgoingLength];
        var length = SmppPdus.BindTransceiver(buffer, 7, new SmppBindRequest("esme", "pw", ""));

        byte[] expected =
        [
            0, 0, 0, 29, 0, 0, 0, 0x09, 0, 0, 0, 0, 0, 0, 0, 7, // header: length 29, bind_transceiver, status 0, sequence 7
            (byte)'e', (byte)'s', (byte)'m', (byte)'e', 0, (byte)'p', (byte)'w', 0, // system_id, password
            0, 0x34, 0, 0, 0, // system_type "", interface_version 3.4, addr_ton, addr_npi, address_range ""
        ];
        Assert.Equal(expected, buffer[..length]);
    }

    [Fact]
    public void SubmitSm_ConcatenatedUcs2Part_WritesUdhAndSetsUdhi()
    {
        var buffer = new byte[SmppPdus.MaxOutgoingLength];
        var part = new SmsPart(SmsDataCoding.Ucs2, 2, 3, new byte[] { 0x4E, 0x2D });
        var submit = new SmppSubmitRequest("", 0, 1, "106", 0, 1, "138", EsmClass: 0, RegisteredDelivery: 1, ValidUntil: null);

        var length = SmppPdus.SubmitSm(buffer, 9, submit, part, reference: 0xAB);

        var body = buffer[16..length];
        byte[] expected =
        [
            0, // service_type
            0, 1, (byte)'1', (byte)'0', (byte)'6', 0, // source ton, npi, addr
            0, 1, (byte)'1', (byte)'3', (byte)'8', 0, // destination ton, npi, addr
            0x40, 0, 0, 0, 0, // esm_class UDHI, protocol_id, priority, schedule "", validity ""
            1, 0, 0x08, 0, // registered_delivery, replace_if_present, data_coding UCS2, sm_default_msg_id
            8, 0x05, 0x00, 0x03, 0xAB, 3, 2, 0x4E, 0x2D, // sm_length, UDH (ref 0xAB, 3 parts, part 2), "中"
        ];
        Assert.Equal(expected, body);
        Assert.Equal(new SmppHeader((uint)length, SmppCommand.SubmitSm, 0, 9), SmppHeader.Read(buffer));
    }

    [Fact]
    public void SubmitSm_SinglePartWithExpiry_HasNoUdhAndAbsoluteValidity()
    {
        var buffer = new byte[SmppPdus.MaxOutgoingLength];
        var part = new SmsPart(SmsDataCoding.Gsm, 1, 1, "Hi"u8.ToArray());
        var expires = new DateTimeOffset(2026, 7, 1, 18, 30, 5, TimeSpan.FromHours(8));
        var submit = new SmppSubmitRequest("", 0, 1, "106", 0, 1, "138", 0, 1, expires);

        var length = SmppPdus.SubmitSm(buffer, 1, submit, part, 0);

        var reader = new SmppPduReader(buffer.AsSpan(0, length));
        reader.CString(6);
        reader.Octets(2);
        reader.CString(21);
        reader.Octets(2);
        reader.CString(21);
        Assert.Equal(0, reader.Byte()); // esm_class: no UDHI
        reader.Octets(2);
        reader.CString(17);
        Assert.Equal("260701103005000+", reader.CString(17)); // 18:30:05 +08:00 is 10:30:05 UTC
        reader.Octets(4);
        Assert.Equal(2, reader.Byte());
        Assert.Equal("Hi"u8.ToArray(), reader.Octets(2).ToArray());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void CString_LongerThanField_Throws()
    {
        var buffer = new byte[SmppPdus.MaxOutgoingLength];
        Assert.Throws<ArgumentException>(() => SmppPdus.BindTransceiver(buffer, 1, new SmppBindRequest("a-system-id-too-long", "pw", "")));
    }

    [Fact]
    public void ResponseId_SubmitSmResp_ReadsMessageId()
    {
        byte[] pdu = [0, 0, 0, 21, 0x80, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 5, (byte)'1', (byte)'a', (byte)'2', (byte)'b', 0];
        Assert.Equal("1a2b", SmppPdus.ResponseId(pdu));
    }

    [Fact]
    public void ResponseId_ErrorResponseWithoutBody_IsEmpty()
    {
        byte[] pdu = [0, 0, 0, 16, 0x80, 0, 0, 0x04, 0, 0, 0, 0x58, 0, 0, 0, 5];
        Assert.Equal(string.Empty, SmppPdus.ResponseId(pdu));
    }

    [Fact]
    public void DeliverSmResp_Always_HasEmptyMessageId()
    {
        var buffer = new byte[32];
        var length = SmppPdus.DeliverSmResp(buffer, SmppStatus.TemporaryAppError, 77);
        Assert.Equal(new byte[] { 0, 0, 0, 17, 0x80, 0, 0, 0x05, 0, 0, 0, 0x64, 0, 0, 0, 77, 0 }, buffer[..length]);
    }

    [Fact]
    public void DeliverSmRead_ReceiptWithTlvs_ReadsFieldsAndTlvs()
    {
        var pdu = DeliverSmBytes(esmClass: 0x04, dataCoding: 0, "id:0000004096 stat:DELIVRD"u8.ToArray(),
            tlvs: [0x00, 0x1E, 0, 5, (byte)'1', (byte)'0', (byte)'0', (byte)'0', 0, 0x04, 0x27, 0, 1, 2, 0x12, 0x34, 0, 1, 9]);

        var deliver = SmppDeliverSm.Read(pdu);

        Assert.True(deliver.IsReceipt);
        Assert.Equal(("13800000001", "10690001"), (deliver.SourceAddress, deliver.DestinationAddress));
        Assert.Equal("1000", deliver.ReceiptedMessageId);
        Assert.Equal((byte)2, deliver.MessageState);
        Assert.Equal("id:0000004096 stat:DELIVRD", SmsText.Decode(deliver.DataCoding, deliver.UserData, deliver.HasUdh));
    }

    [Fact]
    public void DeliverSmRead_MobileOriginatedUcs2_IsNotAReceipt()
    {
        var deliver = SmppDeliverSm.Read(DeliverSmBytes(0x00, SmsDataCoding.Ucs2, [0x65, 0x36, 0x52, 0x30], tlvs: []));
        Assert.False(deliver.IsReceipt);
        Assert.Equal("收到", SmsText.Decode(deliver.DataCoding, deliver.UserData, deliver.HasUdh));
    }

    [Fact]
    public void DeliverSmRead_ShortMessageRunsPastEnd_ThrowsProtocolException()
    {
        var pdu = DeliverSmBytes(0, 0, "hello"u8.ToArray(), tlvs: []);
        pdu[^6] = 200; // sm_length claims more than the PDU holds
        Assert.Throws<SmppProtocolException>(() => SmppDeliverSm.Read(pdu));
    }

    [Fact]
    public void TryReadPdu_SplitAcrossSegments_WaitsForTheWholePduThenCutsEach()
    {
        var one = new byte[64];
        var first = SmppPdus.Bodyless(one, SmppCommand.EnquireLink, 0, 1);
        var second = SmppPdus.DeliverSmResp(one.AsSpan(first), 0, 2);
        var bytes = one[..(first + second)];

        var partial = new ReadOnlySequence<byte>(bytes[..20]);
        Assert.True(SmppFraming.TryReadPdu(ref partial, out var pdu));
        Assert.Equal(16, pdu.Length);
        Assert.False(SmppFraming.TryReadPdu(ref partial, out _));
        Assert.Equal(4, partial.Length); // the incomplete second PDU stays in the buffer

        var whole = Segmented(bytes, 3);
        Assert.True(SmppFraming.TryReadPdu(ref whole, out _));
        Assert.True(SmppFraming.TryReadPdu(ref whole, out var last));
        Assert.Equal(SmppCommand.DeliverSmResp, SmppHeader.Read(last.ToArray()).CommandId);
        Assert.True(whole.IsEmpty);
    }

    [Theory]
    [InlineData(8u)]
    [InlineData(1_000_000u)]
    public void TryReadPdu_ImpossibleLength_ThrowsProtocolException(uint length)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, length);
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.Throws<SmppProtocolException>(() => SmppFraming.TryReadPdu(ref buffer, out _));
    }

    internal static byte[] DeliverSmBytes(byte esmClass, byte dataCoding, byte[] shortMessage, byte[] tlvs)
    {
        var body = new List<byte> { 0, 1, 1 };
        body.AddRange("13800000001"u8.ToArray());
        body.AddRange([0, 0, 1]);
        body.AddRange("10690001"u8.ToArray());
        body.AddRange([0, esmClass, 0, 0, 0, 0, 0, 0, dataCoding, 0, (byte)shortMessage.Length]);
        body.AddRange(shortMessage);
        body.AddRange(tlvs);
        var pdu = new byte[16 + body.Count];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(pdu, (uint)pdu.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(4), SmppCommand.DeliverSm);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(12), 42);
        body.CopyTo(pdu, 16);
        return pdu;
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        Chunk? first = null, last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var chunk = new Chunk(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), offset);
            if (first is null)
            {
                first = chunk;
            }
            else
            {
                last!.Append(chunk);
            }
            last = chunk;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(ReadOnlyMemory<byte> memory, long runningIndex) => (Memory, RunningIndex) = (memory, runningIndex);

        public void Append(Chunk next) => Next = next;
    }
}
