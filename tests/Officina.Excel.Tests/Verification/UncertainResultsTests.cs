using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Verification;
using Officina.OpenXml.LibreOffice;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Tests.Verification;

/// <summary>Values no engine here can be sure of are never written; written values keep Excel's type.</summary>
public sealed class UncertainResultsTests
{
    private static LibreOfficeRunner LibreOffice()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        return runner;
    }

    /// <summary>
    /// A table Sales (A1:B5, totals row 5) whose total is SUBTOTAL(109,[Income]) as Excel stores it,
    /// K1:K3 TRUE with D1 = AND(K1:K3), and D2 = CUBEMEMBER(…). With <paramref name="cached"/> the
    /// formulas hold Excel's cached values (60, TRUE, a member name); without, none, as some
    /// programs save them.
    /// </summary>
    private static byte[] Workbook(bool cached)
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B4","values":[["Name","Income"],["a",10],["b",20],["c",30]]}""");
        book.Run("""{"op":"create_table","range":"Sheet1!A1:B4","name":"Sales","show_totals":true}""");
        book.Run("""{"op":"set_values","range":"Sheet1!K1:K3","values":[[true],[true],[true]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!D1:D2","formulas":[["=AND(K1:K3)"],["=CUBEMEMBER(\"ThisWorkbookDataModel\",\"[Measures].[Sum of Income]\")"]]}""");
        var sheet = book.Sheet("Sheet1")!;
        var total = sheet.FindCell(5, 2)!;
        total.CellFormula = new CellFormula("SUBTOTAL(109,[Income])");
        var and = sheet.FindCell(1, 4)!;
        var cube = sheet.FindCell(2, 4)!;
        foreach (var cell in new[] { total, and, cube })
        {
            cell.CellValue = null;
            cell.DataType = null;
        }

        if (cached)
        {
            total.CellValue = new XmlCellValue("60");
            and.CellValue = new XmlCellValue("1");
            and.DataType = CellValues.Boolean;
            cube.CellValue = new XmlCellValue("Sum of Income");
            cube.DataType = CellValues.String;
        }

        return book.ToArray();
    }

    [Fact]
    public async Task VerifyAsync_KeepsCachedValuesAndTypes_WhenEverythingIsRecalculated()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Workbook(cached: true)));
        book.Run("""{"op":"insert_columns","sheet":"Sheet1","column":"Z","count":1}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        Assert.Contains(report.Checks, c => c.Contains("keep the value Excel saved", StringComparison.Ordinal) && c.Contains("Sheet1!B5", StringComparison.Ordinal) && c.Contains("Sheet1!D2", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Location is "Sheet1!B5" or "Sheet1!D2");
        using var reopened = book.Reopen();
        var sheet = reopened.Sheet("Sheet1")!;
        var total = sheet.FindCell(5, 2)!;
        Assert.Null(total.DataType);
        Assert.Equal("60", total.CellValue!.Text);
        var and = sheet.FindCell(1, 4)!;
        Assert.Equal(CellValues.Boolean, and.DataType!.Value);
        Assert.Equal("1", and.CellValue!.Text);
        var cube = sheet.FindCell(2, 4)!;
        Assert.Equal(CellValues.String, cube.DataType!.Value);
        Assert.Equal("Sum of Income", cube.CellValue!.Text);
    }

    [Fact]
    public async Task VerifyAsync_WarnsThatKeptValueIsUnchecked_WhenPlanWritesWhatSubtotalReads()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Workbook(cached: true)));
        book.Run("""{"op":"set_values","range":"Sheet1!B2","values":[[15]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        Assert.Contains(report.Findings, f => f.Code == "formula_not_computed" && f.Location == "Sheet1!B5");
        // [Income] in the totals row reads the table's data rows, not the totals row itself.
        Assert.DoesNotContain(report.Findings.Concat(report.PreExisting), f => f.Code == "circular_reference");
        using var reopened = book.Reopen();
        Assert.Equal("60", reopened.Sheet("Sheet1")!.FindCell(5, 2)!.CellValue!.Text);
    }

    [Fact]
    public async Task VerifyAsync_WritesNoNameError_WhenWorkbookWasSavedWithoutCachedValues()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Workbook(cached: false)));
        book.Run("""{"op":"set_values","range":"Sheet1!F1","values":[["note"]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        Assert.Contains(report.Findings, f => f.Code == "formula_not_computed" && f.Location == "Sheet1!B5");
        Assert.Contains(report.Findings, f => f.Code == "formula_not_computed" && f.Location == "Sheet1!D2");
        using var reopened = book.Reopen();
        var sheet = reopened.Sheet("Sheet1")!;
        Assert.Null(sheet.FindCell(5, 2)!.CellValue);
        Assert.Null(sheet.FindCell(2, 4)!.CellValue);
        var and = sheet.FindCell(1, 4)!;
        Assert.Equal(CellValues.Boolean, and.DataType!.Value);
        Assert.Equal("1", and.CellValue!.Text);
    }

    [Theory]
    [InlineData("link-external-workbook-b.xlsx", "30.0")]
    [InlineData("52575_main.xlsx", "10")]
    public async Task VerifyAsync_KeepsTheValueLastRead_ForFormulasThatReadAnotherWorkbook(string asset, string cached)
    {
        // apache/poi files whose formulas read another workbook ('[book.xlsx]Sheet0'!A1:B1,
        // ['file:///…/source_dummy.xlsx']Tabelle1!A1): that file is not here, so no engine can
        // compute them, and writing #REF! or #N/A over Excel's value would lose it.
        using var book = Workbooks.OpenAsset(asset);
        var sheet = book.Sheets.First(s => s.IsWorksheet).Name;
        book.Run("""{"op":"add_sheet","name":"Added"}""");
        book.Run("""{"op":"set_values","range":"Added!A1","values":[[1]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        Assert.DoesNotContain(report.Findings, f => f.Code == "formula_error");
        using var reopened = book.Reopen();
        var value = reopened.Sheet(sheet)!.FindCell(1, 1)!.CellValue!.Text;
        Assert.Equal(cached, value);
    }

    [Fact]
    public async Task VerifyAsync_LeavesTheWorkbookToLibreOffice_WhenClosedXmlTakesTooLong()
    {
        // Open-XML-SDK's PerformanceEng.xlsx: SUBTOTAL(3,A2:A1200) among 7,500 formulas kept
        // ClosedXML busy for more than 300 s; LibreOffice recalculates it in seconds.
        using var book = Workbooks.OpenAsset("PerformanceEng.xlsx");
        book.Run("""{"op":"add_sheet","name":"Added"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Contains(report.Checks, c => c.Contains($"ClosedXML did not finish within {ClosedXmlCalculator.TimeBudget.TotalSeconds:0} s", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.StartsWith("recalculation: LibreOffice recalculated the workbook", StringComparison.Ordinal));
        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
    }
}
