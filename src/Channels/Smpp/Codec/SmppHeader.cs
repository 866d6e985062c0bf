using System.Buffers.Binary;

namespace Warning.Channels.Smpp.Codec;

/// <summary>The 16-byte header every PDU starts with: four big-endian uint32 values.</summary>
internal readonly record struct SmppHeader(uint Length, uint CommandId, uint Status, uint Sequence)
{
    public const int Size = 16;

    public static SmppHeader Read(ReadOnlySpan<byte> pdu) => new(
        BinaryPrimitives.ReadUInt32BigEndian(pdu),
        BinaryPrimitives.ReadUInt32BigEndian(pdu[4..]),
        BinaryPrimitives.ReadUInt32BigEndian(pdu[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(pdu[12..]));
}
