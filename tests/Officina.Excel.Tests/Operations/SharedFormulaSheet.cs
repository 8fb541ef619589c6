using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

/// <summary>Builds the shared-formula layout Excel writes when a formula is filled down: a master with the text and followers with only the group id.</summary>
internal static class SharedFormulaSheet
{
    /// <summary>A1:A3 hold 1, 2, 3; B1:B3 share <c>=A1*2</c> with B1 as master.</summary>
    public static WorkbookSession Create()
    {
        var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""");
        var sheet = book.Sheet("Sheet1")!;
        for (var row = 1; row <= 3; row++)
        {
            var cell = sheet.GetOrAddCell(row, 2);
            cell.CellFormula = row == 1
                ? new CellFormula("A1*2") { FormulaType = CellFormulaValues.Shared, Reference = "B1:B3", SharedIndex = 0 }
                : new CellFormula { FormulaType = CellFormulaValues.Shared, SharedIndex = 0 };
            cell.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue((row * 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        sheet.Invalidate();
        return book;
    }
}
