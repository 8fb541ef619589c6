using System.Text;

namespace Officina.Excel.Import;

/// <summary>A CSV record could not be read; <see cref="Line"/> is the 1-based line where its record starts.</summary>
public sealed class CsvFormatException(long line, string message) : Exception($"Line {line}: {message}")
{
    public long Line { get; } = line;
}

/// <summary>
/// Reads RFC 4180 CSV one record at a time without holding the file: fields in double quotes
/// may hold the delimiter, line breaks and doubled quotes (<c>""</c>); CRLF, LF and CR all end
/// a record. Text is UTF-8 unless a byte-order mark says otherwise. Lenient where Excel is: a
/// quote inside an unquoted field is kept literally, and text after a closing quote is appended.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private long _line = 1;

    public CsvReader(Stream stream, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        _delimiter = delimiter;
    }

    /// <summary>The 1-based line on which the record last read starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool ReadRecord(List<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        if (Peek() < 0)
        {
            return false;
        }

        RecordLine = _line;
        while (true)
        {
            _field.Clear();
            var c = Next();
            if (c == '"')
            {
                ReadQuoted();
                c = Next();
            }

            while (c >= 0 && c != _delimiter && c != '\r' && c != '\n')
            {
                _field.Append((char)c);
                c = Next();
            }

            fields.Add(_field.ToString());
            if (c == _delimiter)
            {
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                Next();
            }

            if (c >= 0)
            {
                _line++;
            }

            return true;
        }
    }

    public void Dispose() => _reader.Dispose();

    private void ReadQuoted()
    {
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                throw new CsvFormatException(RecordLine, "a quoted field is not closed before the end of the file.");
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    return;
                }

                Next();
            }
            else if (c == '\n')
            {
                _line++;
            }

            _field.Append((char)c);
        }
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
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
