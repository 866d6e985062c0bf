using System.Buffers.Binary;
using System.Text;

namespace Warning.Channels.Smpp.Codec;

/// <summary>Reads one PDU's body field by field; a field running past the PDU's end is a protocol error.</summary>
internal ref struct SmppPduReader
{
    private readonly ReadOnlySpan<byte> _pdu;
    private int _position;

    public SmppPduReader(ReadOnlySpan<byte> pdu)
    {
        _pdu = pdu;
        Header = SmppHeader.Read(pdu);
        _position = SmppHeader.Size;
    }

    public SmppHeader Header { get; }

    public readonly bool AtEnd => _position >= _pdu.Length;

    public byte Byte()
    {
        if (_position >= _pdu.Length)
        {
            throw Truncated("an integer");
        }
        return _pdu[_position++];
    }

    /// <summary>A C-Octet String of at most <paramref name="maxLength"/> octets with its NUL; a body that ends early reads as empty.</summary>
    public string CString(int maxLength)
    {
        if (AtEnd)
        {
            return string.Empty; // many SMSCs omit the body of an error response
        }
        var rest = _pdu[_position..];
        var end = rest.IndexOf((byte)0);
        if (end < 0 || end >= maxLength)
        {
            throw new SmppProtocolException($"A C-Octet string in {SmppCommand.Name(Header.CommandId)} is not terminated within {maxLength} octets.");
        }
        _position += end + 1;
        return Encoding.Latin1.GetString(rest[..end]);
    }

    public ReadOnlySpan<byte> Octets(int length)
    {
        if (_position + length > _pdu.Length)
        {
            throw Truncated($"{length} octets");
        }
        var span = _pdu.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>The next optional parameter, or false at the end of the PDU.</summary>
    public bool TryReadTlv(out ushort tag, out ReadOnlySpan<byte> value)
    {
        if (_pdu.Length - _position < 4)
        {
            tag = 0;
            value = default;
            return false;
        }
        tag = BinaryPrimitives.ReadUInt16BigEndian(_pdu[_position..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(_pdu[(_position + 2)..]);
        _position += 4;
        value = Octets(length);
        return true;
    }

    private readonly SmppProtocolException Truncated(string what) =>
        new($"{SmppCommand.Name(Header.CommandId)} ends before {what} at offset {_position}.");
}
