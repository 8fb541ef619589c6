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
            if (Peek() == '"')
            {
                Next();
                ReadQuoted();
            }

            var c = ReadUnquoted();
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

    /// <summary>The delimiter a CSV's first line most likely uses: the most frequent of comma, semicolon, tab and bar (a comma when none occurs).</summary>
    public static char DetectDelimiter(string firstLine)
    {
        ArgumentNullException.ThrowIfNull(firstLine);
        var candidates = new[] { ',', ';', '\t', '|' };
        return candidates.OrderByDescending(c => firstLine.Count(ch => ch == c)).First();
    }

    /// <summary>Appends characters up to the next delimiter or line break and returns that terminator (-1 at the end).</summary>
    private int ReadUnquoted()
    {
        while (true)
        {
            if (_position == _length && !Fill())
            {
                return -1;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(_delimiter, '\r', '\n');
            if (stop < 0)
            {
                _field.Append(span);
                _position = _length;
                continue;
            }

            _field.Append(span[..stop]);
            _position += stop + 1;
            return span[stop];
        }
    }

    private void ReadQuoted()
    {
        while (true)
        {
            if (_position == _length && !Fill())
            {
                throw new CsvFormatException(RecordLine, "a quoted field is not closed before the end of the file.");
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var quote = span.IndexOf('"');
            var text = quote < 0 ? span : span[..quote];
            _field.Append(text);
            _line += text.Count('\n');
            _position += quote < 0 ? span.Length : quote + 1;
            if (quote < 0)
            {
                continue;
            }

            if (Peek() != '"')
            {
                return;
            }

            Next();
            _field.Append('"');
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
