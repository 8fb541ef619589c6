using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Operations;
using CellValue = Officina.Operations.CellValue;

namespace Officina.Excel.Verification;

/// <summary>
/// Values of formula cells that have no cached value yet (written earlier in the same plan),
/// computed in-process by ClosedXML on a copy of the working package. Operations that
/// summarise cells (a pivot table over a column of formulas) need them before verification
/// runs. Nothing is written: the document is unchanged.
/// </summary>
internal static class PendingFormulaValues
{
    public static IReadOnlyDictionary<CellAddress, CellValue> Compute(WorkbookSession session, SheetCells sheet, RangeAddress range)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sheet);
        var pending = sheet.CellsIn(range)
            .Where(c => c.Cell.CellFormula is not null && c.Cell.CellValue is null)
            .Select(c => new FormulaCell(sheet.SheetName, c.Address, sheet.FormulaOf(c.Cell, c.Address) ?? "=" + c.Cell.CellFormula!.Text))
            .ToList();
        if (pending.Count == 0)
        {
            return new Dictionary<CellAddress, CellValue>();
        }

        var (results, _) = ClosedXmlCalculator.Calculate(session.ToArray(), pending, EvaluationPlan.For(session), CancellationToken.None);
        var values = new Dictionary<CellAddress, CellValue>();
        for (var i = 0; i < pending.Count; i++)
        {
            var value = results[i].Kind switch
            {
                FormulaResultKind.Number => CellValue.FromNumber(results[i].Number),
                FormulaResultKind.Text or FormulaResultKind.Error => CellValue.FromText(results[i].Text ?? ""),
                FormulaResultKind.Boolean => CellValue.FromBoolean(results[i].Boolean),
                _ => (CellValue?)null,
            };
            if (value is { } v)
            {
                values[pending[i].Address] = v;
            }
        }

        return values;
    }
}
