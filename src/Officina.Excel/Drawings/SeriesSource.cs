using Officina.Excel.Addressing;
using Officina.Excel.Operations;
using Officina.OpenXml.Charts;
using Officina.Operations;

namespace Officina.Excel.Drawings;

/// <summary>
/// Where one chart series reads from: its values (one row or column), optional categories
/// and name cell, each with its sheet. Turns into a <see cref="ChartSeriesSpec"/> whose
/// caches hold what the cells show now.
/// </summary>
internal sealed record SeriesSource(string Path, RangeAddress Values, RangeAddress? Categories, RangeAddress? NameCell, string? NameText)
{
    /// <summary>Splits a data block: first row names, first column categories (transposed for rows).</summary>
    public static List<SeriesSource>? FromBlock(WorkbookSession session, string data, SeriesIn seriesIn, List<OperationError> errors)
    {
        if (!session.TryResolve(data, "data", errors, out var block, out var sheet))
        {
            return null;
        }

        if (block.RowCount > 1000 || block.ColumnCount > 1000)
        {
            block = sheet.UsedRange() is { } used && used.Intersects(block)
                ? new RangeAddress(block.Sheet, Math.Max(block.FirstRow, used.FirstRow), Math.Max(block.FirstColumn, used.FirstColumn),
                    Math.Min(block.LastRow, used.LastRow), Math.Min(block.LastColumn, used.LastColumn))
                : block;
        }

        var byColumns = seriesIn == SeriesIn.Columns;
        var (length, across) = byColumns ? (block.RowCount, block.ColumnCount) : (block.ColumnCount, block.RowCount);
        if (length < 2)
        {
            errors.Add(new("data", "data_shape",
                $"data needs a header {(byColumns ? "row" : "column")} and at least one {(byColumns ? "row" : "column")} of values. Given: {block} ({block.RowCount} × {block.ColumnCount})."));
            return null;
        }

        var list = new List<SeriesSource>();
        var hasCategories = across >= 2;
        RangeAddress Line(int index) => byColumns
            ? new RangeAddress(block.Sheet, block.FirstRow + 1, block.FirstColumn + index, block.LastRow, block.FirstColumn + index)
            : new RangeAddress(block.Sheet, block.FirstRow + index, block.FirstColumn + 1, block.FirstRow + index, block.LastColumn);
        RangeAddress Header(int index) => byColumns
            ? new RangeAddress(block.Sheet, block.FirstRow, block.FirstColumn + index, block.FirstRow, block.FirstColumn + index)
            : new RangeAddress(block.Sheet, block.FirstRow + index, block.FirstColumn, block.FirstRow + index, block.FirstColumn);
        for (var i = hasCategories ? 1 : 0; i < across; i++)
        {
            list.Add(new SeriesSource("data", Line(i), hasCategories ? Line(0) : null, Header(i), null));
        }

        if (list.Count > 255)
        {
            errors.Add(new("data", "series_count", $"A chart holds at most 255 series. Given: {list.Count}; is series_in right?"));
            return null;
        }

        return list;
    }

    public static List<SeriesSource>? FromList(WorkbookSession session, IReadOnlyList<ChartSeriesSource> series, List<OperationError> errors)
    {
        var list = new List<SeriesSource>();
        var before = errors.Count;
        for (var i = 0; i < series.Count; i++)
        {
            var path = $"series[{i}]";
            var s = series[i];
            if (s is null || !session.TryResolve(s.Values, path + ".values", errors, out var values, out _))
            {
                continue;
            }

            if (values.RowCount > 1 && values.ColumnCount > 1)
            {
                errors.Add(new(path + ".values", "series_shape", $"Series values must be one row or one column. Given: {values} ({values.RowCount} × {values.ColumnCount})."));
            }

            RangeAddress? categories = null;
            if (s.Categories is not null && session.TryResolve(s.Categories, path + ".categories", errors, out var c, out _))
            {
                categories = c;
                if (c.CellCount != values.CellCount || (c.RowCount > 1 && c.ColumnCount > 1))
                {
                    errors.Add(new(path + ".categories", "categories_shape",
                        $"Categories must be one row or column with as many cells as the values ({values.CellCount}). Given: {c} ({c.CellCount} cells)."));
                }
            }

            RangeAddress? nameCell = null;
            if (s.NameCell is not null && session.TryResolve(s.NameCell, path + ".name_cell", errors, out var n, out _))
            {
                nameCell = n;
                if (!n.IsSingleCell)
                {
                    errors.Add(new(path + ".name_cell", "single_cell", $"name_cell must be one cell. Given: {n}."));
                }
            }

            list.Add(new SeriesSource(path, values, categories, nameCell, s.Name));
        }

        return errors.Count > before ? null : list;
    }

    public IEnumerable<(CellAddress Address, CellValue Value)> ValueCells(WorkbookSession session)
    {
        var sheet = session.Sheet(Values.Sheet!)!;
        foreach (var address in Values.Cells())
        {
            yield return (address, sheet.ValueOf(sheet.FindCell(address.Row, address.Column)));
        }
    }

    public IEnumerable<CellValue> CellValues(WorkbookSession session, RangeAddress range)
    {
        var sheet = session.Sheet(range.Sheet!)!;
        return range.Cells().Select(a => sheet.ValueOf(sheet.FindCell(a.Row, a.Column)));
    }

    public ChartSeriesSpec ToSpec(WorkbookSession session)
    {
        var values = CellValues(session, Values).Select(v => v.Kind == CellValueKind.Number ? v.Number : (double?)null).ToList();
        var valueData = ChartData.OfNumbers(Formula(Values), values, FormatOf(session, Values));

        ChartData? categories = null;
        if (Categories is { } c)
        {
            var cells = CellValues(session, c).ToList();
            categories = cells.All(v => v.Kind is CellValueKind.Number or CellValueKind.Empty) && cells.Any(v => !v.IsEmpty)
                ? ChartData.OfNumbers(Formula(c), [.. cells.Select(v => v.IsEmpty ? (double?)null : v.Number)], FormatOf(session, c))
                : ChartData.OfText(Formula(c), [.. cells.Select(v => v.IsEmpty ? null : v.ToString())]);
        }

        ChartData? name = NameText is { } text ? ChartData.OfText(null, [text])
            : NameCell is { } cell ? ChartData.OfText(Formula(cell), [CellValues(session, cell).First().ToString()])
            : null;
        return new ChartSeriesSpec(name, categories, valueData);
    }

    /// <summary>An absolute reference with its sheet, as chart formulas are written: <c>'My Sheet'!$A$2:$A$6</c>.</summary>
    public static string Formula(RangeAddress range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var first = $"${CellAddress.ColumnName(range.FirstColumn)}${range.FirstRow}";
        var reference = range.IsSingleCell ? first : $"{first}:${CellAddress.ColumnName(range.LastColumn)}${range.LastRow}";
        return $"{RangeAddress.QuoteSheet(range.Sheet!)}!{reference}";
    }

    /// <summary>The number format of the first numeric cell in <paramref name="range"/>, for the cache's formatCode.</summary>
    private static string FormatOf(WorkbookSession session, RangeAddress range)
    {
        var sheet = session.Sheet(range.Sheet!)!;
        foreach (var (_, cell) in sheet.CellsIn(range))
        {
            if (cell.CellValue is not null && cell.DataType is null)
            {
                var style = cell.StyleIndex?.Value ?? 0;
                var id = session.Styles.CellFormatAt(style).NumberFormatId?.Value ?? 0;
                return session.Styles.NumberFormatCode(id) ?? "General";
            }
        }

        return "General";
    }
}
