using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Verification;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Tests.Verification;

/// <summary>Formula errors the input already had are listed as pre-existing and do not fail an edit; those the plan makes do.</summary>
public sealed class PreExistingFormulaErrorsTests
{
    private static LibreOfficeRunner LibreOffice()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        return runner;
    }

    /// <summary>
    /// A workbook as Excel saves one with a broken reference: A1:A3 numbers, B1 = A1*2 (cached 2),
    /// and C5 = #REF!*2 with the cached error #REF! (the cell it read was deleted in Excel).
    /// </summary>
    private static byte[] WorkbookWithBrokenCell()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!B1","formula":"=A1*2"}""");
        book.Run("""{"op":"set_values","range":"Sheet1!C5","values":[[0]]}""");
        var sheet = book.Sheet("Sheet1")!;
        sheet.FindCell(1, 2)!.CellValue = new XmlCellValue("2");
        var broken = sheet.FindCell(5, 3)!;
        broken.CellFormula = new CellFormula("#REF!*2");
        broken.CellValue = new XmlCellValue("#REF!");
        broken.DataType = CellValues.Error;
        return book.ToArray();
    }

    [Fact]
    public async Task VerifyAsync_ListsRefErrorAsPreExisting_WhenPlanEditsElsewhere()
    {
        using var book = WorkbookSession.Open(new MemoryStream(WorkbookWithBrokenCell()));
        book.Run("""{"op":"set_values","range":"Sheet1!E1","values":[["note"]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        var old = Assert.Single(report.PreExisting, f => f.Code == "formula_error");
        Assert.Equal("Sheet1!C5", old.Location);
        Assert.Equal(FindingSeverity.Info, old.Severity);
        Assert.StartsWith("#REF!", old.Message, StringComparison.Ordinal);
        using var reopened = book.Reopen();
        Assert.Equal("#REF!", reopened.Text("C5"));
    }

    [Fact]
    public async Task VerifyAsync_FollowsPreExistingRefError_WhenRowsAreInsertedAbove()
    {
        using var book = WorkbookSession.Open(new MemoryStream(WorkbookWithBrokenCell()));
        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":2,"count":3}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        Assert.Equal("Sheet1!C8", Assert.Single(report.PreExisting, f => f.Code == "formula_error").Location);
        using var reopened = book.Reopen();
        Assert.Equal("#REF!", reopened.Text("C8"));
        Assert.Equal(2, reopened.Number("B1"));
    }

    [Fact]
    public async Task VerifyAsync_ReportsNewRefError_WhenPlanDeletesWhatAFormulaReads()
    {
        using var book = WorkbookSession.Open(new MemoryStream(WorkbookWithBrokenCell()));
        book.Run("""{"op":"delete_columns","sheet":"Sheet1","column":"A","count":1}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.True(report.HasErrors);
        var introduced = Assert.Single(report.Findings, f => f.Code == "formula_error");
        Assert.Equal("Sheet1!A1", introduced.Location);
        Assert.Equal(FindingSeverity.Error, introduced.Severity);
        Assert.Equal("Sheet1!B5", Assert.Single(report.PreExisting, f => f.Code == "formula_error").Location);
    }

    [Fact]
    public async Task VerifyAsync_ReportsError_WhenPlanRewritesTheBrokenCell()
    {
        using var book = WorkbookSession.Open(new MemoryStream(WorkbookWithBrokenCell()));
        book.Run("""{"op":"set_formulas","range":"Sheet1!C5","formula":"=1/0"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.True(report.HasErrors);
        Assert.Equal("Sheet1!C5", Assert.Single(report.Findings, f => f.Code == "formula_error").Location);
        Assert.DoesNotContain(report.PreExisting, f => f.Code == "formula_error");
    }

    [Fact]
    public async Task VerifyAsync_ReportsErrorsOfTheFileItself_WhenNothingWasChanged()
    {
        using var book = WorkbookSession.Open(new MemoryStream(WorkbookWithBrokenCell()));

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.True(report.HasErrors);
        Assert.Equal("Sheet1!C5", Assert.Single(report.Findings, f => f.Code == "formula_error").Location);
    }
}
