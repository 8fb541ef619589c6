using System.Globalization;
using System.Text;
using System.Xml;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Operations;

namespace Officina.Excel.Import;

/// <summary>What one pass over a CSV source found: its size and whether it holds dates.</summary>
public sealed record CsvShape(int Rows, int Columns, long Values, bool HasDates, bool HasDateTimes)
{
    public long CellCount => (long)Rows * Columns;

    /// <summary>
    /// Reads the whole source once, holding one record at a time. Throws
    /// <see cref="CsvFormatException"/> for a malformed record, a field longer than a cell
    /// can hold, or more rows than a sheet has.
    /// </summary>
    public static CsvShape Scan(Stream stream, char delimiter, bool hasHeader, CancellationToken cancellationToken = default)
    {
        using var reader = new CsvReader(stream, delimiter);
        var fields = new List<string>();
        int rows = 0, columns = 0;
        long values = 0;
        bool dates = false, dateTimes = false;
        while (reader.ReadRecord(fields))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++rows > CellAddress.MaxRow)
            {
                throw new CsvFormatException(reader.RecordLine, $"the source has more than {CellAddress.MaxRow:N0} records, the rows of a sheet.");
            }

            columns = Math.Max(columns, fields.Count);
            var header = hasHeader && rows == 1;
            foreach (var field in fields)
            {
                if (field.Length > CsvImport.MaxTextLength)
                {
                    throw new CsvFormatException(reader.RecordLine, $"a field holds {field.Length:N0} characters; a cell holds at most {CsvImport.MaxTextLength:N0}.");
                }

                var kind = header ? (field.Length == 0 ? CsvFieldKind.Empty : CsvFieldKind.Text) : CsvFields.Classify(field, out _);
                values += kind == CsvFieldKind.Empty ? 0 : 1;
                dates |= kind == CsvFieldKind.Date;
                dateTimes |= kind == CsvFieldKind.DateTime;
            }
        }

        return new CsvShape(rows, columns, values, dates, dateTimes);
    }
}

/// <summary>
/// A CSV source placed on a sheet from a top-left cell: the header row (when there is one) as
/// text, the other fields typed by <see cref="CsvFields"/>. Writes either into the sheet's
/// DOM (<see cref="WriteTo"/>) or as worksheet XML straight into a package being saved
/// (<see cref="WriteSheetData"/>), reading the source again each time, one record at a time.
/// </summary>
public sealed class CsvImport(string source, Func<Stream> open, char delimiter, bool hasHeader, CellAddress topLeft, CsvShape shape, uint? dateStyle, uint? dateTimeStyle)
{
    public const int MaxTextLength = 32_767;

    public string Source { get; } = source;

    public CsvShape Shape { get; } = shape;

    public CellAddress TopLeft { get; } = topLeft;

    public RangeAddress Range(string sheet) =>
        new(sheet, TopLeft.Row, TopLeft.Column, TopLeft.Row + Math.Max(Shape.Rows, 1) - 1, TopLeft.Column + Math.Max(Shape.Columns, 1) - 1);

    /// <summary>Writes the values through the DOM (small imports, or a sheet that already has content).</summary>
    public void WriteTo(SheetCells cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ForEachField((row, column, field, kind, number) =>
        {
            var value = kind switch
            {
                CsvFieldKind.Number => CellValue.FromNumber(number),
                CsvFieldKind.Boolean => CellValue.FromBoolean(number != 0),
                _ => CellValue.FromText(CsvFields.XmlSafe(field)),
            };
            cells.SetValue(row, column, value, kind switch { CsvFieldKind.Date => dateStyle, CsvFieldKind.DateTime => dateTimeStyle, _ => null });
        }, cells.Cancellation);
    }

    /// <summary>
    /// Writes a complete <c>sheetData</c> element: one <c>row</c> per record, numbers and
    /// dates as values, booleans as <c>t="b"</c>, text as inline strings so that no shared
    /// string table has to be held in memory. The rows are written as raw XML in chunks (the
    /// writer's per-node checks cost more than the rest of the import); <c>sheetData</c>
    /// declares the main namespace as default so its rows need no prefix whatever prefix the
    /// worksheet uses.
    /// </summary>
    public void WriteSheetData(XmlWriter writer, string ns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var columnNames = Enumerable.Range(TopLeft.Column, Math.Max(Shape.Columns, 1)).Select(CellAddress.ColumnName).ToArray();
        var dateIndex = dateStyle?.ToString(CultureInfo.InvariantCulture);
        var dateTimeIndex = dateTimeStyle?.ToString(CultureInfo.InvariantCulture);
        var digits = new char[32];
        var xml = new StringBuilder(1 << 17);
        xml.Append("<sheetData xmlns=\"").Append(ns).Append("\">");
        var fields = new List<string>();
        using (var reader = new CsvReader(open(), delimiter))
        {
            var row = TopLeft.Row;
            while (reader.ReadRecord(fields))
            {
                var header = hasHeader && row == TopLeft.Row;
                xml.Append("<row r=\"").Append(row).Append("\">");
                for (var i = 0; i < fields.Count; i++)
                {
                    var field = fields[i];
                    double number = 0;
                    var kind = header ? (field.Length == 0 ? CsvFieldKind.Empty : CsvFieldKind.Text) : CsvFields.Classify(field, out number);
                    if (kind == CsvFieldKind.Empty)
                    {
                        continue;
                    }

                    xml.Append("<c r=\"").Append(columnNames[i]).Append(row).Append('"');
                    switch (kind)
                    {
                        case CsvFieldKind.Text:
                            xml.Append(field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]))
                                ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>");
                            AppendEscaped(xml, CsvFields.XmlSafe(field));
                            xml.Append("</t></is></c>");
                            break;
                        case CsvFieldKind.Boolean:
                            xml.Append(number != 0 ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>");
                            break;
                        default:
                            if (kind is CsvFieldKind.Date or CsvFieldKind.DateTime)
                            {
                                xml.Append(" s=\"").Append(kind == CsvFieldKind.Date ? dateIndex : dateTimeIndex).Append('"');
                            }

                            number.TryFormat(digits, out var written, "R", CultureInfo.InvariantCulture);
                            xml.Append("><v>").Append(digits, 0, written).Append("</v></c>");
                            break;
                    }
                }

                xml.Append("</row>");
                if (xml.Length > 1 << 16)
                {
                    writer.WriteRaw(xml.ToString());
                    xml.Clear();
                }

                row++;
            }
        }

        xml.Append("</sheetData>");
        writer.WriteRaw(xml.ToString());
    }

    private static void AppendEscaped(StringBuilder xml, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };
            if (escape is not null)
            {
                xml.Append(text, start, i - start).Append(escape);
                start = i + 1;
            }
        }

        xml.Append(text, start, text.Length - start);
    }

    private void ForEachField(Action<int, int, string, CsvFieldKind, double> write, CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        using var reader = new CsvReader(open(), delimiter);
        var row = TopLeft.Row;
        while (reader.ReadRecord(fields))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var header = hasHeader && row == TopLeft.Row;
            for (var i = 0; i < fields.Count; i++)
            {
                double number = 0;
                var kind = header ? (fields[i].Length == 0 ? CsvFieldKind.Empty : CsvFieldKind.Text) : CsvFields.Classify(fields[i], out number);
                if (kind != CsvFieldKind.Empty)
                {
                    write(row, TopLeft.Column + i, fields[i], kind, number);
                }
            }

            row++;
        }
    }
}
