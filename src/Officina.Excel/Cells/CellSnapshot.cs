using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using CellValue = Officina.Operations.CellValue;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Cells;

/// <summary>
/// A detached copy of one cell taken before a copy or sort writes anything, so that source
/// and destination may overlap: the cloned element (style and all attributes), its formula
/// as Excel shows it (shared formulas expanded) and the value it displays.
/// </summary>
public sealed record CellSnapshot(CellAddress Address, Cell Element, string? Formula, CellValue Value, bool IsError)
{
    /// <summary>Snapshots every existing cell of <paramref name="range"/>.</summary>
    public static List<CellSnapshot> Take(SheetCells sheet, RangeAddress range)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return [.. sheet.CellsIn(range).Select(p => new CellSnapshot(
            p.Address, (Cell)p.Cell.CloneNode(true), sheet.FormulaOf(p.Cell, p.Address), sheet.ValueOf(p.Cell), SheetCells.IsError(p.Cell)))];
    }

    public uint Style => Element.StyleIndex?.Value ?? 0;

    /// <summary>
    /// Writes this cell whole (value, formula, style) at <paramref name="to"/>, shifting
    /// relative references by the move like Excel's paste. A formula's cached value is
    /// dropped unless <paramref name="keepCachedValue"/> (a sort moves a row's inputs with it);
    /// the caller marks the workbook for recalculation.
    /// </summary>
    public void PlaceAll(SheetCells target, CellAddress to, bool keepCachedValue = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        var clone = (Cell)Element.CloneNode(true);
        clone.CellReference = to.A1;
        if (Formula is not null)
        {
            var source = Element.CellFormula!;
            var formula = new CellFormula(ShiftedFormula(to));
            if (source.FormulaType?.Value == CellFormulaValues.Array && RangeAddress.TryParse(source.Reference?.Value, out var array, out _))
            {
                formula.FormulaType = CellFormulaValues.Array;
                formula.Reference = Moved(array, to).Reference;
            }

            clone.CellFormula = formula;
            if (!keepCachedValue)
            {
                clone.CellValue = null;
                clone.DataType = null;
            }
        }
        else if (Element.CellFormula is not null)
        {
            // A shared-formula follower whose master is gone: keep what it shows.
            clone.CellFormula = null;
        }

        Replace(target, to, clone);
    }

    /// <summary>Writes the value this cell shows (never a formula), keeping the destination's style.</summary>
    public void PlaceValue(SheetCells target, CellAddress to)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsError)
        {
            var cell = target.GetOrAddCell(to.Row, to.Column);
            target.ClearContent(cell);
            cell.DataType = CellValues.Error;
            cell.CellValue = new XmlCellValue(Value.Text ?? "#N/A");
            return;
        }

        target.SetValue(to.Row, to.Column, Value);
    }

    /// <summary>Writes the formula (shifted) or, for a literal, the value, keeping the destination's style.</summary>
    public void PlaceFormula(SheetCells target, CellAddress to)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Formula is null)
        {
            PlaceValue(target, to);
            return;
        }

        target.SetFormula(to.Row, to.Column, ShiftedFormula(to));
    }

    /// <summary>Gives the destination this cell's style, keeping its content.</summary>
    public void PlaceStyle(SheetCells target, CellAddress to)
    {
        ArgumentNullException.ThrowIfNull(target);
        var cell = target.GetOrAddCell(to.Row, to.Column);
        cell.StyleIndex = Style == 0 ? null : Style;
    }

    public string ShiftedFormula(CellAddress to) =>
        FormulaReferences.Shift(Formula!.TrimStart('='), to.Row - Address.Row, to.Column - Address.Column);

    private RangeAddress Moved(RangeAddress range, CellAddress to) => new(
        null, range.FirstRow + to.Row - Address.Row, range.FirstColumn + to.Column - Address.Column,
        range.LastRow + to.Row - Address.Row, range.LastColumn + to.Column - Address.Column);

    private static void Replace(SheetCells target, CellAddress to, Cell clone)
    {
        var existing = target.GetOrAddCell(to.Row, to.Column);
        target.ClearContent(existing);
        existing.Parent!.ReplaceChild(clone, existing);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Address}: {Formula ?? Value.ToString()}");
}
