using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Structure;

/// <summary>Workbooks and XML probes shared by the row, column and sheet structure tests.</summary>
internal static class StructureBooks
{
    /// <summary>Sheet1 with 1..10 in A1:A10, =SUM(A1:A10) in A11, and an Other sheet pointing at it.</summary>
    public static WorkbookSession Numbers()
    {
        var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A10","values":[[1],[2],[3],[4],[5],[6],[7],[8],[9],[10]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!A11","formula":"=SUM(A1:A10)"}""");
        book.Run("""{"op":"add_sheet","name":"Other"}""");
        book.Run("""{"op":"set_formulas","range":"Other!A1:A2","formulas":[["=Sheet1!A6*2"],["=SUM(Sheet1!$A$1:$A$10)"]]}""");
        return book;
    }

    public static Worksheet Worksheet(this WorkbookSession book, string sheet) => book.Sheet(sheet)!.Worksheet;

    /// <summary>Adds a global defined name.</summary>
    public static void DefineName(this WorkbookSession book, string name, string formula, uint? localSheetId = null)
    {
        var names = book.Workbook.DefinedNames;
        if (names is null)
        {
            names = new DefinedNames();
            book.Workbook.InsertAfter(names, book.Workbook.Sheets);
        }

        names.AppendChild(new DefinedName(formula) { Name = name, LocalSheetId = localSheetId });
    }

    public static string? NameText(this WorkbookSession book, string name) =>
        book.Workbook.DefinedNames?.Elements<DefinedName>().FirstOrDefault(n => n.Name?.Value == name)?.Text;

    /// <summary>Merged cells, a conditional format and a data validation on Sheet1, placed where the schema wants them.</summary>
    public static void AddGeometry(this WorkbookSession book, string merge, string sqref, string validation)
    {
        var worksheet = book.Worksheet("Sheet1");
        var data = worksheet.GetFirstChild<SheetData>()!;
        OpenXmlElement last = data;
        last = worksheet.InsertAfter(new MergeCells(new MergeCell { Reference = merge }) { Count = 1 }, last);
        last = worksheet.InsertAfter(new ConditionalFormatting(
            new ConditionalFormattingRule(new Formula("$A1>5")) { Type = ConditionalFormatValues.Expression, Priority = 1 })
        { SequenceOfReferences = new ListValue<StringValue> { InnerText = sqref } }, last);
        worksheet.InsertAfter(new DataValidations(new DataValidation(new Formula1("$A$1:$A$3"))
        { Type = DataValidationValues.List, SequenceOfReferences = new ListValue<StringValue> { InnerText = validation } })
        { Count = 1 }, last);
    }

    public static IEnumerable<string> ChartFormulas(this WorkbookSession book) =>
        book.WorkbookPart.WorksheetParts.Where(w => w.DrawingsPart is not null)
            .SelectMany(w => w.DrawingsPart!.ChartParts)
            .SelectMany(c => c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>())
            .Select(f => f.Text);

    public static WorksheetSource PivotSource(this WorkbookSession book) =>
        book.WorkbookPart.PivotTableCacheDefinitionParts.Single().PivotCacheDefinition.CacheSource!.WorksheetSource!;

    public static Table Table(this WorkbookSession book, string name) =>
        book.WorkbookPart.WorksheetParts.SelectMany(w => w.TableDefinitionParts).Select(t => t.Table).Single(t => t.Name?.Value == name);
}
