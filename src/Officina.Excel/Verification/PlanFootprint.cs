using Officina.Excel.Addressing;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>
/// Where a plan wrote, and where the cells it did not write ended up, read from the session's
/// change records. Ranges are kept in the coordinates of the edited workbook: a range written
/// before an <c>insert_rows</c> above it moves down with it. Sheets are followed by their
/// <c>sheetId</c>, which survives a rename.
/// </summary>
internal sealed class PlanFootprint
{
    private static readonly HashSet<string> Writes =
    [
        "set_values", "set_formulas", "import_csv", "clear_range", "copy_range", "create_pivot_table", "create_table", "merge_cells",
        "set_hyperlink", "find_replace",
    ];

    private readonly List<(uint SheetId, RangeAddress Range)> _written = [];
    private readonly List<Shift> _shifts = [];

    /// <summary>Names the plan defined or redefined: formulas using them count as written.</summary>
    public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sheets whose rows the plan reordered or removed by a condition (sort, remove_rows_where): cells there cannot be followed one by one.</summary>
    public HashSet<uint> Reordered { get; } = [];

    /// <summary>Sheets the plan deleted (by their input id).</summary>
    public HashSet<uint> Deleted { get; } = [];

    public static PlanFootprint Of(WorkbookSession session, WorkbookSession? input)
    {
        ArgumentNullException.ThrowIfNull(session);
        var footprint = new PlanFootprint();
        uint? IdOf(string? sheet) => sheet is null ? null : SheetId(session, sheet) ?? (input is null ? null : SheetId(input, sheet));
        foreach (var change in session.Changes)
        {
            var parsed = RangeAddress.TryParse(change.Target, out var range, out _);
            var sheetId = parsed ? IdOf(range.Sheet) : null;
            switch (change.Op)
            {
                case var op when Writes.Contains(op) && sheetId is { } id:
                    footprint._written.Add((id, range));
                    break;
                case "insert_rows" or "delete_rows" or "insert_columns" or "delete_columns" when sheetId is { } id:
                    var rows = change.Op.EndsWith("_rows", StringComparison.Ordinal);
                    var at = rows ? range.FirstRow : range.FirstColumn;
                    var count = rows ? range.RowCount : range.ColumnCount;
                    footprint.Apply(new Shift(id, rows, at, change.Op.StartsWith("insert", StringComparison.Ordinal) ? count : -count));
                    break;
                case "sort_range" or "remove_rows_where" when sheetId is { } id:
                    footprint.Reordered.Add(id);
                    footprint._written.Add((id, range));
                    break;
                case "define_name":
                    footprint.Names.Add(change.Target);
                    break;
                case "delete_sheet" when IdOf(change.Target) is { } id:
                    footprint.Deleted.Add(id);
                    break;
                default:
                    break;
            }
        }

        return footprint;
    }

    /// <summary>Whether the plan wrote the cell (in the edited workbook's coordinates).</summary>
    public bool Wrote(uint sheetId, CellAddress cell) =>
        _written.Any(w => w.SheetId == sheetId && w.Range.Contains(cell.Row, cell.Column));

    /// <summary>The ranges the plan wrote on <paramref name="sheetId"/>, named <paramref name="sheet"/>.</summary>
    public IEnumerable<RangeAddress> Written(uint sheetId, string sheet) =>
        _written.Where(w => w.SheetId == sheetId).Select(w => w.Range.WithSheet(sheet));

    /// <summary>Where an input cell is after the plan's row and column shifts; null when they deleted it.</summary>
    public CellAddress? Follow(uint sheetId, CellAddress cell)
    {
        if (Deleted.Contains(sheetId))
        {
            return null;
        }

        CellAddress? at = cell;
        foreach (var shift in _shifts.Where(s => s.SheetId == sheetId))
        {
            at = at is { } c ? shift.Move(c) : null;
        }

        return at;
    }

    private void Apply(Shift shift)
    {
        _shifts.Add(shift);
        for (var i = _written.Count - 1; i >= 0; i--)
        {
            var (id, range) = _written[i];
            if (id != shift.SheetId)
            {
                continue;
            }

            if (shift.Range(range) is { } moved)
            {
                _written[i] = (id, moved);
            }
            else
            {
                _written.RemoveAt(i);
            }
        }
    }

    private static uint? SheetId(WorkbookSession session, string name) => session.SheetElement(name)?.SheetId?.Value;

    /// <summary>Rows (or columns) from <see cref="At"/> on move by <see cref="Delta"/>; a negative delta deletes <c>At..At-Delta-1</c>.</summary>
    private readonly record struct Shift(uint SheetId, bool Rows, int At, int Delta)
    {
        public CellAddress? Move(CellAddress cell)
        {
            var index = Rows ? cell.Row : cell.Column;
            var moved = Index(index);
            return moved is { } m ? (Rows ? cell with { Row = m } : cell with { Column = m }) : null;
        }

        public RangeAddress? Range(RangeAddress range)
        {
            var (first, last) = Rows ? (range.FirstRow, range.LastRow) : (range.FirstColumn, range.LastColumn);
            var newFirst = Index(first) ?? (Delta < 0 ? At : (int?)null);
            var newLast = Index(last) ?? (Delta < 0 ? At - 1 : (int?)null);
            if (newFirst is not { } f || newLast is not { } l || l < f)
            {
                return null;
            }

            return Rows ? range with { FirstRow = f, LastRow = l } : range with { FirstColumn = f, LastColumn = l };
        }

        private int? Index(int index)
        {
            if (index < At)
            {
                return index;
            }

            if (Delta < 0 && index < At - Delta)
            {
                return null;
            }

            var moved = index + Delta;
            return moved > (Rows ? CellAddress.MaxRow : CellAddress.MaxColumn) ? null : moved;
        }
    }
}
