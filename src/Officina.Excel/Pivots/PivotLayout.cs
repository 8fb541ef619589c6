using Officina.Excel.Addressing;
using Officina.Operations;

namespace Officina.Excel.Pivots;

/// <summary>How one value field aggregates.</summary>
public enum PivotFunction
{
    Sum,
    Count,
    Average,
    Max,
    Min,
}

/// <summary>A value field of the pivot: source field index, function, caption and number format.</summary>
internal sealed record PivotValueField(int Field, PivotFunction Function, string Name, string? NumberFormat);

/// <summary>What to pivot: source, field indexes per axis, value fields.</summary>
internal sealed record PivotRequest(PivotSource Source, int[] Rows, int[] Columns, PivotValueField[] Values, int[] Filters);

/// <summary>One column of the pivot body: a column key and a value field, or a grand total of one value field.</summary>
internal sealed record PivotColumn(int[] Key, int Data, bool Grand);

/// <summary>
/// The pivot table as Excel lays it out in tabular form without subtotals: filters above,
/// then a caption row, one label row per column level (column fields, then "Values" when
/// there are several value fields), one row per row-key combination present in the data and
/// a grand-total row. Computes the numbers in C# so that viewers which never refresh the
/// pivot show the same values Excel shows after a refresh.
/// </summary>
internal sealed class PivotLayout
{
    private readonly PivotRequest _request;
    private readonly Dictionary<(string Row, string Column), Accumulator[]> _cells = [];
    private readonly Dictionary<int, int[]> _positions = [];

    public PivotLayout(PivotRequest request, CellAddress destination)
    {
        _request = request;
        var source = request.Source;
        foreach (var field in request.Rows.Concat(request.Columns).Concat(request.Filters).Distinct())
        {
            var order = source.DisplayOrder(field);
            var positions = new int[order.Count];
            for (var p = 0; p < order.Count; p++)
            {
                positions[order[p]] = p;
            }

            _positions[field] = positions;
        }

        var rowKeys = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var columnKeys = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var record in source.Records)
        {
            var row = KeyOf(record, request.Rows);
            var column = KeyOf(record, request.Columns);
            var (rowText, columnText) = (Text(row), Text(column));
            rowKeys.TryAdd(rowText, row);
            columnKeys.TryAdd(columnText, column);
            foreach (var cell in new[] { (rowText, columnText), (rowText, "*"), ("*", columnText), ("*", "*") })
            {
                if (!_cells.TryGetValue(cell, out var accumulators))
                {
                    accumulators = [.. request.Values.Select(_ => new Accumulator())];
                    _cells[cell] = accumulators;
                }

                for (var d = 0; d < request.Values.Length; d++)
                {
                    accumulators[d].Add(record[request.Values[d].Field]);
                }
            }
        }

        RowKeys = [.. rowKeys.Values];
        var k = request.Values.Length;
        Columns = request.Columns.Length == 0
            ? [.. Enumerable.Range(0, k).Select(d => new PivotColumn([], d, false))]
            : [.. columnKeys.Values.SelectMany(key => Enumerable.Range(0, k).Select(d => new PivotColumn(key, d, false))),
               .. Enumerable.Range(0, k).Select(d => new PivotColumn([], d, true))];
        Levels = request.Columns.Length + (k > 1 ? 1 : 0);
        HeaderRows = Levels == 0 ? 1 : 1 + Levels;
        Top = destination.Row + (request.Filters.Length > 0 ? request.Filters.Length + 1 : 0);
        Left = destination.Column;
        Destination = destination;
    }

    public CellAddress Destination { get; }

    public IReadOnlyList<int[]> RowKeys { get; }

    public IReadOnlyList<PivotColumn> Columns { get; }

    /// <summary>Column axis levels: column fields plus the "Values" level when there are several value fields.</summary>
    public int Levels { get; }

    public int HeaderRows { get; }

    public int Top { get; }

    public int Left { get; }

    public int Width => _request.Rows.Length + Columns.Count;

    public int Height => HeaderRows + RowKeys.Count + 1;

    /// <summary>The pivot body (the <c>location ref</c>), without the filter rows.</summary>
    public RangeAddress Body(string sheet) => new(sheet, Top, Left, Top + Height - 1, Left + Width - 1);

    /// <summary>Everything the pivot draws, filters included.</summary>
    public RangeAddress Area(string sheet) => new(sheet, Destination.Row, Left, Top + Height - 1, Left + Math.Max(Width, 2) - 1);

    /// <summary>The display position (pivotField item index) of a shared item.</summary>
    public int Position(int field, int sharedIndex) => _positions[field][sharedIndex];

    /// <summary>Every cell the pivot shows: address, value, and the value field it belongs to (for its number format).</summary>
    public IEnumerable<(int Row, int Column, CellValue Value, int? Data)> Cells()
    {
        var source = _request.Source;
        var m = _request.Rows.Length;
        var values = _request.Values;
        for (var f = 0; f < _request.Filters.Length; f++)
        {
            yield return (Destination.Row + f, Left, source.Names[_request.Filters[f]], null);
            yield return (Destination.Row + f, Left + 1, "(All)", null);
        }

        if (Levels == 0)
        {
            yield return (Top, Left + m, values[0].Name, null);
        }
        else
        {
            if (values.Length == 1)
            {
                yield return (Top, Left, values[0].Name, null);
            }

            for (var j = 0; j < _request.Columns.Length; j++)
            {
                yield return (Top, Left + m + j, source.Names[_request.Columns[j]], null);
            }

            if (values.Length > 1)
            {
                yield return (Top, Left + m + _request.Columns.Length, "Values", null);
            }

            for (var c = 0; c < Columns.Count; c++)
            {
                var column = Columns[c];
                if (column.Grand)
                {
                    yield return (Top + 1, Left + m + c, values.Length == 1 ? "Grand Total" : $"Total {values[column.Data].Name}", null);
                    continue;
                }

                var levels = ColumnLevels(column);
                var previous = c > 0 && !Columns[c - 1].Grand ? ColumnLevels(Columns[c - 1]) : null;
                for (var j = 0; j < levels.Length; j++)
                {
                    if (previous is null || !levels.AsSpan(0, j + 1).SequenceEqual(previous.AsSpan(0, j + 1)))
                    {
                        var label = j < _request.Columns.Length ? Label(_request.Columns[j], levels[j]) : values[levels[j]].Name;
                        yield return (Top + 1 + j, Left + m + c, label, null);
                    }
                }
            }
        }

        var labelRow = Top + HeaderRows - 1;
        for (var j = 0; j < m; j++)
        {
            yield return (labelRow, Left + j, source.Names[_request.Rows[j]], null);
        }

        for (var r = 0; r <= RowKeys.Count; r++)
        {
            var row = Top + HeaderRows + r;
            var grand = r == RowKeys.Count;
            if (grand)
            {
                yield return (row, Left, "Grand Total", null);
            }
            else
            {
                for (var j = 0; j < m; j++)
                {
                    if (r == 0 || !RowKeys[r].AsSpan(0, j + 1).SequenceEqual(RowKeys[r - 1].AsSpan(0, j + 1)))
                    {
                        yield return (row, Left + j, Label(_request.Rows[j], RowKeys[r][j]), null);
                    }
                }
            }

            var rowText = grand ? "*" : Text(RowKeys[r]);
            for (var c = 0; c < Columns.Count; c++)
            {
                var column = Columns[c];
                var columnText = column.Grand || _request.Columns.Length == 0 ? "*" : Text(column.Key);
                if (_cells.TryGetValue((rowText, columnText), out var accumulators)
                    && accumulators[column.Data].Result(values[column.Data].Function) is { } result)
                {
                    yield return (row, Left + m + c, result, column.Data);
                }
            }
        }
    }

    /// <summary>The levels of a body column: its column-field positions, then the value field when "Values" is a level.</summary>
    public int[] ColumnLevels(PivotColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _request.Values.Length > 1 ? [.. column.Key, column.Data] : column.Key;
    }

    private CellValue Label(int field, int position)
    {
        var items = _request.Source.SharedItems(field);
        var shared = Array.IndexOf(_positions[field], position);
        var value = items[shared];
        return value.Kind == CellValueKind.Number ? value : PivotSource.Label(value);
    }

    private int[] KeyOf(CellValue[] record, int[] fields) =>
        [.. fields.Select(f => _positions[f][_request.Source.SharedIndex(f, record[f])])];

    private static string Text(int[] key) => string.Join(",", key.Select(k => k.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));

    private sealed class Accumulator
    {
        private int _count;
        private int _numbers;
        private double _sum;
        private double _min = double.MaxValue;
        private double _max = double.MinValue;

        public void Add(CellValue value)
        {
            if (value.IsEmpty)
            {
                return;
            }

            _count++;
            if (value.Kind == CellValueKind.Number)
            {
                _numbers++;
                _sum += value.Number;
                _min = Math.Min(_min, value.Number);
                _max = Math.Max(_max, value.Number);
            }
        }

        public CellValue? Result(PivotFunction function) => function switch
        {
            PivotFunction.Count => _count,
            PivotFunction.Sum => _sum,
            PivotFunction.Average => _numbers == 0 ? null : _sum / _numbers,
            PivotFunction.Max => _numbers == 0 ? 0 : _max,
            _ => _numbers == 0 ? 0 : _min,
        };
    }
}
