using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Operations;
using CellValue = Officina.Operations.CellValue;

namespace Officina.Excel.Pivots;

/// <summary>
/// The records a pivot table summarises: a header row of field names and the rows under it
/// (trailing empty rows dropped), with each field's distinct items in first-seen order (the
/// cache's shared items) and in display order (ascending, numbers before text, blank last).
/// Items compare like Excel's: text case-insensitively.
/// </summary>
internal sealed class PivotSource
{
    private readonly Dictionary<int, (List<CellValue> Items, Dictionary<string, int> Index)> _items = [];

    /// <param name="pending">Values of formula cells written earlier in the plan that have no cached value yet.</param>
    public PivotSource(SheetCells sheet, RangeAddress range, IReadOnlyDictionary<CellAddress, CellValue>? pending = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(range);
        CellValue ValueAt(int r, int c) => pending is not null && pending.TryGetValue(new CellAddress(r, c), out var v) ? v : sheet.ValueOf(sheet.FindCell(r, c));
        var rows = new List<CellValue[]>();
        Names = [.. Enumerable.Range(range.FirstColumn, range.ColumnCount).Select(c => sheet.ValueOf(sheet.FindCell(range.FirstRow, c)).ToString().Trim())];
        var lastRow = Math.Min(range.LastRow, sheet.UsedRange()?.LastRow ?? range.FirstRow);
        var cancellation = sheet.Cancellation;
        for (var r = range.FirstRow + 1; r <= lastRow; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            rows.Add([.. Enumerable.Range(range.FirstColumn, range.ColumnCount).Select(c => ValueAt(r, c))]);
        }

        while (rows.Count > 0 && rows[^1].All(v => v.IsEmpty))
        {
            rows.RemoveAt(rows.Count - 1);
        }

        Records = rows;
        Range = range with { LastRow = range.FirstRow + rows.Count };
    }

    /// <summary>The range the cache reads: the header row and the records.</summary>
    public RangeAddress Range { get; }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<CellValue[]> Records { get; }

    /// <summary>The index of a field by its header text (case-insensitive), or -1.</summary>
    public int FieldIndex(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public static string Key(CellValue value) => value.Kind switch
    {
        CellValueKind.Empty => "",
        CellValueKind.Number => "n" + value.Number.ToString("R", CultureInfo.InvariantCulture),
        _ => "s" + value.ToString().ToUpperInvariant(),
    };

    /// <summary>Distinct values of <paramref name="field"/> in first-seen order (the cache's shared items).</summary>
    public IReadOnlyList<CellValue> SharedItems(int field) => Items(field).Items;

    /// <summary>The shared-item index of a record's value.</summary>
    public int SharedIndex(int field, CellValue value) => Items(field).Index[Key(value)];

    /// <summary>Shared-item indexes in display order: numbers ascending, then text A–Z, blank last.</summary>
    public IReadOnlyList<int> DisplayOrder(int field)
    {
        var items = SharedItems(field);
        return [.. Enumerable.Range(0, items.Count).Order(Comparer<int>.Create((a, b) => Compare(items[a], items[b])))];
    }

    public static string Label(CellValue value) => value.IsEmpty ? "(blank)" : value.ToString();

    /// <summary>The <c>sharedItems</c> element: type flags always; the items themselves when <paramref name="listItems"/>.</summary>
    public SharedItems SharedItemsElement(int field, bool listItems)
    {
        var values = Records.Select(r => r[field]).ToList();
        var numbers = values.Where(v => v.Kind == CellValueKind.Number).Select(v => v.Number).ToList();
        var hasText = values.Any(v => v.Kind is CellValueKind.Text or CellValueKind.Boolean);
        var hasBlank = values.Any(v => v.IsEmpty);
        var element = new SharedItems();
        if (numbers.Count > 0)
        {
            if (!hasText)
            {
                element.ContainsSemiMixedTypes = hasBlank;
                element.ContainsString = false;
            }
            else
            {
                element.ContainsMixedTypes = true;
            }

            element.ContainsNumber = true;
            if (numbers.All(n => n == Math.Floor(n) && Math.Abs(n) < 1e15))
            {
                element.ContainsInteger = true;
            }

            element.MinValue = numbers.Min();
            element.MaxValue = numbers.Max();
        }

        if (hasBlank)
        {
            element.ContainsBlank = true;
        }

        if (listItems)
        {
            var items = SharedItems(field);
            foreach (var item in items)
            {
                element.AppendChild<DocumentFormat.OpenXml.OpenXmlElement>(Item(item));
            }

            element.Count = (uint)items.Count;
        }

        return element;
    }

    /// <summary>The cache element for a literal value: <c>n</c>, <c>s</c> or <c>m</c> (missing).</summary>
    public static DocumentFormat.OpenXml.OpenXmlElement Item(CellValue value) => value.Kind switch
    {
        CellValueKind.Empty => new MissingItem(),
        CellValueKind.Number => new NumberItem { Val = value.Number },
        _ => new StringItem { Val = value.ToString() },
    };

    private static int Compare(CellValue a, CellValue b)
    {
        static int Rank(CellValue v) => v.Kind switch { CellValueKind.Number => 0, CellValueKind.Empty => 2, _ => 1 };
        var rank = Rank(a).CompareTo(Rank(b));
        if (rank != 0)
        {
            return rank;
        }

        return a.Kind == CellValueKind.Number
            ? a.Number.CompareTo(b.Number)
            : string.Compare(a.ToString(), b.ToString(), CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
    }

    private (List<CellValue> Items, Dictionary<string, int> Index) Items(int field)
    {
        if (!_items.TryGetValue(field, out var found))
        {
            found = ([], new Dictionary<string, int>(StringComparer.Ordinal));
            foreach (var record in Records)
            {
                if (found.Index.TryAdd(Key(record[field]), found.Items.Count))
                {
                    found.Items.Add(record[field]);
                }
            }

            _items[field] = found;
        }

        return found;
    }
}
