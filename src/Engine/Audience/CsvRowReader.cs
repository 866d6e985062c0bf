using System.Text;

namespace Warning.Engine.Audience;

/// <summary>
/// RFC 4180 rows from a <see cref="TextReader"/>, one at a time through a small buffer: quoted fields, doubled
/// quotes, commas and line breaks inside quotes, CRLF / LF / CR line ends. Blank lines are skipped.
/// </summary>
internal sealed class CsvRowReader(TextReader reader)
{
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private int _line = 1;

    /// <summary>The physical line the last row started on (1-based).</summary>
    public int RowLine { get; private set; }

    /// <summary>True when the last row ended inside an open quote (end of input).</summary>
    public bool RowUnterminated { get; private set; }

    public bool TryReadRow(List<string> fields)
    {
        fields.Clear();
        _field.Clear();
        RowUnterminated = false;
        int c;
        while ((c = Peek()) is '\r' or '\n')
        {
            ReadLineEnd();
        }
        if (c < 0)
        {
            return false;
        }
        RowLine = _line;
        var quoted = false;
        while (true)
        {
            c = Next();
            if (quoted)
            {
                if (c < 0)
                {
                    RowUnterminated = true;
                    fields.Add(_field.ToString());
                    return true;
                }
                if (c == '"' && Peek() == '"')
                {
                    Next();
                    _field.Append('"');
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        _line++;
                    }
                    _field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when _field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    break;
                case '\r' or '\n' or -1:
                    if (c >= 0)
                    {
                        _position--;
                        ReadLineEnd();
                    }
                    fields.Add(_field.ToString());
                    return true;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    private void ReadLineEnd()
    {
        if (Next() == '\r' && Peek() == '\n')
        {
            Next();
        }
        _line++;
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }
        return _buffer[_position];
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
        {
            _position++;
        }
        return c;
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
