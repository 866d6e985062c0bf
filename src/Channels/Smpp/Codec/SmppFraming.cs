using System.Buffers;
using System.Buffers.Binary;

namespace Warning.Channels.Smpp.Codec;

/// <summary>Cuts whole PDUs off the front of a pipe's buffer by their command_length.</summary>
internal static class SmppFraming
{
    /// <summary>Larger than any PDU an ESME needs to read (deliver_sm with a 64 KB message_payload is the ceiling).</summary>
    public const int MaxPduLength = 70_000;

    public static bool TryReadPdu(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> pdu)
    {
        pdu = default;
        if (buffer.Length < 4)
        {
            return false;
        }
        Span<byte> lengthBytes = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(lengthBytes);
        var length = BinaryPrimitives.ReadUInt32BigEndian(lengthBytes);
        if (length is < SmppHeader.Size or > MaxPduLength)
        {
            throw new SmppProtocolException($"command_length {length} is outside {SmppHeader.Size}..{MaxPduLength}.");
        }
        if (buffer.Length < length)
        {
            return false;
        }
        pdu = buffer.Slice(0, length);
        buffer = buffer.Slice(length);
        return true;
    }
}
