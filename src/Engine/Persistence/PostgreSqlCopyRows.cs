using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Warning.Engine.Persistence;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (the "COPY … FROM STDIN (FORMAT BINARY)" file format) into
/// a buffer and hands it to the COPY stream in 64 KiB pieces. Npgsql's importer does the same one value at a
/// time through its type resolution, which measured here at about 3 µs of client CPU per delivery row: on
/// two cores that CPU is taken from the server. Text is sent as UTF-8 (Npgsql sets client_encoding to UTF8).
/// </summary>
internal sealed class PostgreSqlCopyRows : IDisposable
{
    private const int FlushAt = 64 * 1024;

    // PGCOPY\n\377\r\n\0, then 32-bit flags and header-extension length, both 0.
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 10, 255, 13, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Stream _copy;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FlushAt * 2);
    private int _length;

    public PostgreSqlCopyRows(Stream copy)
    {
        _copy = copy;
        Header.CopyTo(_buffer, 0);
        _length = Header.Length;
    }

    public void StartRow(short fields)
    {
        if (_length >= FlushAt)
        {
            Flush();
        }

        Int16Raw(fields);
    }

    public void Int16(short value)
    {
        Int32Raw(2);
        Int16Raw(value);
    }

    public void Int32(int value)
    {
        Int32Raw(4);
        Int32Raw(value);
    }

    public void Int64(long value)
    {
        Int32Raw(8);
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void Int64(long? value)
    {
        if (value is { } v)
        {
            Int64(v);
        }
        else
        {
            Int32Raw(-1);
        }
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Int32Raw(-1);
            return;
        }

        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), written);
        _length += 4 + written;
    }

    /// <summary>Writes the trailer and whatever is buffered; the caller then completes the COPY.</summary>
    public void Finish()
    {
        Int16Raw(-1);
        Flush();
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Int16Raw(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void Int32Raw(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length)
        {
            return;
        }

        Flush();
        if (bytes > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }

    private void Flush()
    {
        _copy.Write(_buffer, 0, _length);
        _length = 0;
    }
}
