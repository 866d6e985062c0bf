using System.Buffers.Binary;

namespace Warning.Channels.Smpp.Codec;

/// <summary>
/// Writes one PDU into a caller's span (a pipe's buffer): header first with the length left open, fields in
/// the order of the spec, then <see cref="Finish"/> fills the length in. No allocation.
/// </summary>
internal ref struct SmppPduWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public SmppPduWriter(Span<byte> buffer, uint commandId, uint status, uint sequence)
    {
        if (buffer.Length < SmppHeader.Size)
        {
            throw new ArgumentException("The buffer cannot hold a PDU header.", nameof(buffer));
        }
        _buffer = buffer;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], commandId);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], status);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[12..], sequence);
        _position = SmppHeader.Size;
    }

    public void Byte(byte value) => _buffer[_position++] = value;

    /// <summary>A C-Octet String: ASCII characters and a terminating NUL, at most <paramref name="maxLength"/> octets with the NUL.</summary>
    public void CString(string? value, int maxLength)
    {
        value ??= string.Empty;
        if (value.Length >= maxLength)
        {
            throw new ArgumentException($"'{value}' is longer than the {maxLength - 1} characters this SMPP field holds.", nameof(value));
        }
        foreach (var c in value)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                throw new ArgumentException($"SMPP C-Octet strings carry printable ASCII only; '{value}' does not.", nameof(value));
            }
            _buffer[_position++] = (byte)c;
        }
        _buffer[_position++] = 0;
    }

    public void Octets(scoped ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer[_position..]);
        _position += value.Length;
    }

    /// <summary>Reserves <paramref name="length"/> octets for the caller to fill (encoding straight into the PDU).</summary>
    public Span<byte> Reserve(int length)
    {
        var span = _buffer.Slice(_position, length);
        _position += length;
        return span;
    }

    public void Tlv(ushort tag, scoped ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_position..], tag);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(_position + 2)..], checked((ushort)value.Length));
        _position += 4;
        Octets(value);
    }

    /// <summary>Fills in command_length and returns it: the number of bytes written.</summary>
    public readonly int Finish()
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer, (uint)_position);
        return _position;
    }
}
