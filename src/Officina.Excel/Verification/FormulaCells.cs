using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;

namespace Officina.Excel.Verification;

/// <summary>Finds the formula cells of a session's worksheets, in sheet, row and column order.</summary>
internal static class FormulaCells
{
    public static List<(FormulaCell Formula, Cell Cell)> Of(WorkbookSession session, CancellationToken cancellationToken = default)
    {
        var found = new List<(FormulaCell, Cell)>();
        foreach (var entry in session.Sheets)
        {
            if (entry.Part is not WorksheetPart || session.Sheet(entry.Name) is not { } sheet)
            {
                continue;
            }

            foreach (var row in sheet.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rowIndex = (int)row.RowIndex!.Value;
                foreach (var cell in row.Elements<Cell>())
                {
                    if (cell.CellFormula is null)
                    {
                        continue;
                    }

                    var address = new CellAddress(rowIndex, SheetCells.ColumnOf(cell));
                    var formula = sheet.FormulaOf(cell, address) ?? "=" + (cell.CellFormula.Text ?? "");
                    found.Add((new FormulaCell(sheet.SheetName, address, formula), cell));
                }
            }
        }

        return found;
    }
}
