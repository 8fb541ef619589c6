using System.Globalization;
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
    public static CsvShape Scan(Stream stream, char delimiter, bool hasHeader)
    {
        using var reader = new CsvReader(stream, delimiter);
        var fields = new List<string>();
        int rows = 0, columns = 0;
        long values = 0;
        bool dates = false, dateTimes = false;
        while (reader.ReadRecord(fields))
        {
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
        });
    }

    /// <summary>
    /// Writes a complete <c>sheetData</c> element: one <c>row</c> per record, numbers and
    /// dates as values, booleans as <c>t="b"</c>, text as inline strings so that no shared
    /// string table has to be held in memory.
    /// </summary>
    public void WriteSheetData(XmlWriter writer, string ns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var columnNames = Enumerable.Range(TopLeft.Column, Math.Max(Shape.Columns, 1)).Select(CellAddress.ColumnName).ToArray();
        var dateIndex = dateStyle?.ToString(CultureInfo.InvariantCulture);
        var dateTimeIndex = dateTimeStyle?.ToString(CultureInfo.InvariantCulture);
        var digits = new char[32];
        writer.WriteStartElement("sheetData", ns);
        var fields = new List<string>();
        using (var reader = new CsvReader(open(), delimiter))
        {
            var row = TopLeft.Row;
            while (reader.ReadRecord(fields))
            {
                var header = hasHeader && row == TopLeft.Row;
                var rowText = row.ToString(CultureInfo.InvariantCulture);
                writer.WriteStartElement("row", ns);
                writer.WriteAttributeString("r", rowText);
                for (var i = 0; i < fields.Count; i++)
                {
                    var field = fields[i];
                    double number = 0;
                    var kind = header ? (field.Length == 0 ? CsvFieldKind.Empty : CsvFieldKind.Text) : CsvFields.Classify(field, out number);
                    if (kind == CsvFieldKind.Empty)
                    {
                        continue;
                    }

                    writer.WriteStartElement("c", ns);
                    writer.WriteAttributeString("r", string.Concat(columnNames[i], rowText));
                    switch (kind)
                    {
                        case CsvFieldKind.Text:
                            writer.WriteAttributeString("t", "inlineStr");
                            writer.WriteStartElement("is", ns);
                            writer.WriteStartElement("t", ns);
                            if (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
                            {
                                writer.WriteAttributeString("xml", "space", null, "preserve");
                            }

                            writer.WriteString(CsvFields.XmlSafe(field));
                            writer.WriteEndElement();
                            writer.WriteEndElement();
                            break;
                        case CsvFieldKind.Boolean:
                            writer.WriteAttributeString("t", "b");
                            writer.WriteElementString("v", ns, number != 0 ? "1" : "0");
                            break;
                        default:
                            if (kind is CsvFieldKind.Date or CsvFieldKind.DateTime)
                            {
                                writer.WriteAttributeString("s", kind == CsvFieldKind.Date ? dateIndex : dateTimeIndex);
                            }

                            writer.WriteStartElement("v", ns);
                            number.TryFormat(digits, out var written, "R", CultureInfo.InvariantCulture);
                            writer.WriteChars(digits, 0, written);
                            writer.WriteEndElement();
                            break;
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                row++;
            }
        }

        writer.WriteEndElement();
    }

    private void ForEachField(Action<int, int, string, CsvFieldKind, double> write)
    {
        var fields = new List<string>();
        using var reader = new CsvReader(open(), delimiter);
        var row = TopLeft.Row;
        while (reader.ReadRecord(fields))
        {
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
