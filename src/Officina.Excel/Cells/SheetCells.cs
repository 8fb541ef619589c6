using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Operations;
using CellValue = Officina.Operations.CellValue;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Cells;

/// <summary>
/// Cell access on one worksheet part: finds and creates rows and cells in document order,
/// reads values and formulas (expanding shared formulas), and writes literals and formulas
/// while keeping each cell's style. Only the elements it is asked about are touched.
/// </summary>
public sealed class SheetCells
{
    private readonly SharedStrings _strings;
    private SortedList<int, Row>? _rows;
    private Dictionary<uint, (CellAddress Master, string Formula)>? _sharedFormulas;

    public SheetCells(string sheetName, WorksheetPart part, SharedStrings strings)
    {
        ArgumentNullException.ThrowIfNull(part);
        SheetName = sheetName;
        Part = part;
        _strings = strings;
    }

    public string SheetName { get; internal set; }

    /// <summary>Where <see cref="Cancellation"/> comes from: the owning session's operation in progress.</summary>
    internal Func<CancellationToken>? CancellationSource { get; init; }

    /// <summary>The cancellation of the operation in progress; <see cref="CellsIn"/> and whole-sheet walks check it per row.</summary>
    internal CancellationToken Cancellation => CancellationSource?.Invoke() ?? CancellationToken.None;

    public WorksheetPart Part { get; }

    public Worksheet Worksheet => Part.Worksheet;

    /// <summary>The sheet's cell data; every worksheet has one (it is created where the schema puts it when missing).</summary>
    public SheetData Data => Worksheet.GetFirstChild<SheetData>() ?? InsertSheetData();

    /// <summary>Forget cached indexes after rows were moved or removed wholesale.</summary>
    public void Invalidate()
    {
        _rows = null;
        _sharedFormulas = null;
    }

    public IEnumerable<Row> Rows => RowIndex().Values;

    public Row? FindRow(int row) => RowIndex().TryGetValue(row, out var r) ? r : null;

    public Row GetOrAddRow(int row)
    {
        var rows = RowIndex();
        if (rows.TryGetValue(row, out var existing))
        {
            return existing;
        }

        var created = new Row { RowIndex = (uint)row };
        var position = LowerBound(rows.Keys, row);
        if (position < rows.Count)
        {
            Data.InsertBefore(created, rows.Values[position]);
        }
        else
        {
            Data.AppendChild(created);
        }

        rows.Add(row, created);
        return created;
    }

    public Cell? FindCell(int row, int column)
    {
        var r = FindRow(row);
        if (r is null)
        {
            return null;
        }

        foreach (var cell in r.Elements<Cell>())
        {
            var c = ColumnOf(cell);
            if (c == column)
            {
                return cell;
            }

            if (c > column)
            {
                return null;
            }
        }

        return null;
    }

    public Cell GetOrAddCell(int row, int column)
    {
        var r = GetOrAddRow(row);
        var last = r.LastChild as Cell ?? r.Elements<Cell>().LastOrDefault();
        if (last is null || ColumnOf(last) < column)
        {
            var appended = NewCell(row, column);
            r.AppendChild(appended);
            return appended;
        }

        foreach (var cell in r.Elements<Cell>())
        {
            var c = ColumnOf(cell);
            if (c == column)
            {
                return cell;
            }

            if (c > column)
            {
                var inserted = NewCell(row, column);
                r.InsertBefore(inserted, cell);
                return inserted;
            }
        }

        throw new InvalidOperationException("Unreachable: the row's last cell was past the column.");
    }

    /// <summary>Existing cells inside <paramref name="range"/>, in document order.</summary>
    public IEnumerable<(CellAddress Address, Cell Cell)> CellsIn(RangeAddress range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var rows = RowIndex();
        var start = LowerBound(rows.Keys, range.FirstRow);
        var cancellation = Cancellation;
        for (var i = start; i < rows.Count && rows.Keys[i] <= range.LastRow; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var cell in rows.Values[i].Elements<Cell>())
            {
                var column = ColumnOf(cell);
                if (column > range.LastColumn)
                {
                    break;
                }

                if (column >= range.FirstColumn)
                {
                    yield return (new CellAddress(rows.Keys[i], column), cell);
                }
            }
        }
    }

    /// <summary>The bounds of cells that hold a value or formula, or null for an empty sheet.</summary>
    public RangeAddress? UsedRange()
    {
        int minRow = int.MaxValue, minColumn = int.MaxValue, maxRow = 0, maxColumn = 0;
        foreach (var (row, element) in RowIndex())
        {
            foreach (var cell in element.Elements<Cell>())
            {
                if (cell.CellValue is null && cell.CellFormula is null && cell.InlineString is null)
                {
                    continue;
                }

                var column = ColumnOf(cell);
                minRow = Math.Min(minRow, row);
                maxRow = Math.Max(maxRow, row);
                minColumn = Math.Min(minColumn, column);
                maxColumn = Math.Max(maxColumn, column);
            }
        }

        return maxRow == 0 ? null : new RangeAddress(SheetName, minRow, minColumn, maxRow, maxColumn);
    }

    /// <summary>Writes a literal, removing any formula; keeps the cell's style.</summary>
    public void SetValue(int row, int column, CellValue value, uint? dateStyle = null)
    {
        if (value.IsEmpty)
        {
            var existing = FindCell(row, column);
            if (existing is not null)
            {
                ClearContent(existing);
            }

            return;
        }

        var cell = GetOrAddCell(row, column);
        ClearContent(cell);
        switch (value.Kind)
        {
            case CellValueKind.Number:
                cell.CellValue = new XmlCellValue(value.Number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case CellValueKind.Boolean:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new XmlCellValue(value.Boolean ? "1" : "0");
                break;
            case CellValueKind.Text when dateStyle is not null && IsoDates.TryParse(value.Text!, out var serial):
                cell.CellValue = new XmlCellValue(serial.ToString("R", CultureInfo.InvariantCulture));
                cell.StyleIndex = dateStyle;
                break;
            default:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new XmlCellValue(_strings.GetOrAdd(value.Text!).ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Writes a formula (with or without '='), dropping the stale cached value; keeps the cell's style.</summary>
    public void SetFormula(int row, int column, string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var cell = GetOrAddCell(row, column);
        ClearContent(cell);
        cell.CellFormula = new CellFormula(formula.StartsWith('=') ? formula[1..] : formula);
    }

    /// <summary>The literal value a cell shows (its cached value for formula cells); errors come back as text such as "#DIV/0!".</summary>
    public CellValue ValueOf(Cell? cell)
    {
        if (cell is null)
        {
            return CellValue.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return CellValue.FromText(cell.InlineString is null ? "" : SharedStrings.TextOf(cell.InlineString));
        }

        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return CellValue.Empty;
        }

        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && _strings.Get(i) is { } s
                ? CellValue.FromText(s) : CellValue.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return CellValue.FromBoolean(raw.Trim() == "1");
        }

        if (type is { } t && (t == CellValues.String || t == CellValues.Error))
        {
            return CellValue.FromText(raw);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? CellValue.FromNumber(number)
            : CellValue.FromText(raw);
    }

    /// <summary>The formula of a cell as written in Excel (with '='), expanding shared formulas; null for literals.</summary>
    public string? FormulaOf(Cell? cell, CellAddress address)
    {
        var formula = cell?.CellFormula;
        if (formula is null)
        {
            return null;
        }

        if (formula.FormulaType?.Value == CellFormulaValues.Shared && formula.SharedIndex?.Value is { } si && string.IsNullOrEmpty(formula.Text))
        {
            if (SharedFormulas().TryGetValue(si, out var master))
            {
                return "=" + FormulaReferences.Shift(master.Formula, address.Row - master.Master.Row, address.Column - master.Master.Column);
            }

            return null;
        }

        return string.IsNullOrEmpty(formula.Text) ? null : "=" + formula.Text;
    }

    public static bool IsError(Cell cell) => cell.DataType?.Value == CellValues.Error;

    /// <summary>
    /// Removes the value and formula of a cell, keeping its style. A shared-formula master
    /// first hands its formula text to the next cell of its group so the others keep theirs.
    /// </summary>
    public void ClearContent(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.CellFormula is { } formula)
        {
            if (formula.FormulaType?.Value == CellFormulaValues.Shared && !string.IsNullOrEmpty(formula.Text) && formula.SharedIndex?.Value is { } si)
            {
                UnshareGroup(si);
            }

            cell.CellFormula = null;
        }

        cell.CellValue = null;
        cell.InlineString = null;
        cell.DataType = null;
    }

    /// <summary>The 1-based column of a cell from its reference.</summary>
    public static int ColumnOf(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var reference = cell.CellReference?.Value;
        if (reference is null)
        {
            throw new InvalidOperationException("A cell without a reference survived normalisation.");
        }

        var column = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return column;
    }

    /// <summary>Turns every cell of shared-formula group <paramref name="si"/> into a plain formula, so any one can change alone.</summary>
    private void UnshareGroup(uint si)
    {
        if (!SharedFormulas().TryGetValue(si, out var master))
        {
            return;
        }

        foreach (var (row, element) in RowIndex())
        {
            foreach (var cell in element.Elements<Cell>())
            {
                if (cell.CellFormula is { } f && f.FormulaType?.Value == CellFormulaValues.Shared && f.SharedIndex?.Value == si)
                {
                    var column = ColumnOf(cell);
                    var text = FormulaReferences.Shift(master.Formula, row - master.Master.Row, column - master.Master.Column);
                    cell.CellFormula = new CellFormula(text);
                }
            }
        }

        _sharedFormulas!.Remove(si);
    }

    private Dictionary<uint, (CellAddress Master, string Formula)> SharedFormulas()
    {
        if (_sharedFormulas is null)
        {
            _sharedFormulas = [];
            foreach (var (row, element) in RowIndex())
            {
                foreach (var cell in element.Elements<Cell>())
                {
                    if (cell.CellFormula is { } f && f.FormulaType?.Value == CellFormulaValues.Shared
                        && f.SharedIndex?.Value is { } si && !string.IsNullOrEmpty(f.Text))
                    {
                        _sharedFormulas[si] = (new CellAddress(row, ColumnOf(cell)), f.Text);
                    }
                }
            }
        }

        return _sharedFormulas;
    }

    private SheetData InsertSheetData()
    {
        var before = Worksheet.ChildElements.LastOrDefault(e => e is SheetProperties or SheetDimension or SheetViews or SheetFormatProperties or Columns);
        var data = new SheetData();
        return before is null ? Worksheet.PrependChild(data) : Worksheet.InsertAfter(data, before);
    }

    private static Cell NewCell(int row, int column)
    {
        return new Cell { CellReference = CellAddress.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>Builds the row index, giving rows and cells without an explicit reference the one their position implies.</summary>
    private SortedList<int, Row> RowIndex()
    {
        if (_rows is not null)
        {
            return _rows;
        }

        var rows = new SortedList<int, Row>();
        var previous = 0;
        foreach (var row in Data.Elements<Row>())
        {
            var index = row.RowIndex?.Value is { } r ? (int)r : previous + 1;
            row.RowIndex ??= (uint)index;
            previous = index;
            if (!rows.TryAdd(index, row))
            {
                throw new InvalidOperationException($"Sheet '{SheetName}' lists row {index} twice.");
            }

            var previousColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                if (cell.CellReference?.Value is { Length: > 0 } reference)
                {
                    previousColumn = CellAddress.TryParse(reference, out var address) ? address.Column : previousColumn + 1;
                }
                else
                {
                    previousColumn++;
                    cell.CellReference = CellAddress.ColumnName(previousColumn) + index.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        _rows = rows;
        return rows;
    }

    private static int LowerBound(IList<int> keys, int value)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (keys[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
