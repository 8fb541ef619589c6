using System.Globalization;
using System.Text;
using Officina.Excel.Import;

namespace Officina.Sources.Tabular;

/// <summary>
/// Reads a CSV (or TSV) into a header preamble with per-column counts (filled cells, numbers,
/// min and max) and one unit per data row, anchored <c>[row N]</c> where N is the row number a
/// spreadsheet shows (the header is row 1). Counts cover every row; at most
/// <see cref="MaxRowsKept"/> rows are kept for the model to read.
/// </summary>
public static class CsvSourceReader
{
    public const int MaxRowsKept = 100_000;

    public static SourceDocument Read(string name, Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var delimiter = DetectDelimiter(open);
        using var stream = open();
        using var reader = new CsvReader(stream, delimiter);
        var fields = new List<string>();
        if (!reader.ReadRecord(fields))
        {
            return new SourceDocument(name, SourceKind.Csv, "row", [], "(empty file)", open: open);
        }

        var header = fields.ToList();
        var stats = header.Select(_ => new ColumnStats()).ToList();
        var units = new List<SourceUnit>();
        var rowNumber = 1;
        while (reader.ReadRecord(fields))
        {
            rowNumber++;
            for (var i = 0; i < fields.Count; i++)
            {
                while (stats.Count <= i)
                {
                    stats.Add(new ColumnStats());
                }

                stats[i].Add(fields[i]);
            }

            if (units.Count < MaxRowsKept)
            {
                units.Add(new SourceUnit(rowNumber, $"[row {rowNumber}] {string.Join(" | ", fields)}"));
            }
        }

        var preamble = new StringBuilder($"header (row 1): {string.Join(" | ", header)}\n");
        preamble.Append($"{rowNumber - 1:N0} data rows (rows 2-{rowNumber}); columns: ");
        preamble.AppendLine(string.Join("; ", stats.Select((s, i) => $"{(i < header.Count ? header[i] : $"column {i + 1}")}: {s}")));
        return new SourceDocument(name, SourceKind.Csv, "row", units, preamble.ToString(), rowNumber - 1, open);
    }

    private static char DetectDelimiter(Func<Stream> open)
    {
        using var stream = open();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: false);
        return CsvReader.DetectDelimiter(reader.ReadLine() ?? "");
    }

    private sealed class ColumnStats
    {
        private int _filled;
        private int _numbers;
        private double _min = double.MaxValue;
        private double _max = double.MinValue;

        public void Add(string field)
        {
            if (field.Length == 0)
            {
                return;
            }

            _filled++;
            if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                _numbers++;
                _min = Math.Min(_min, number);
                _max = Math.Max(_max, number);
            }
        }

        public override string ToString() => _numbers > 0 && _numbers == _filled
            ? string.Create(CultureInfo.InvariantCulture, $"{_filled} numbers {_min:G10}..{_max:G10}")
            : $"{_filled} filled" + (_numbers > 0 ? $", {_numbers} numbers" : "");
    }
}
