using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Verification;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;

namespace Officina.Excel.Tests.Verification;

public sealed class WorkbookVerifierTests
{
    /// <summary>The real LibreOffice; a missing one fails the test with how to install it (CI installs it).</summary>
    private static LibreOfficeRunner LibreOffice()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        return runner;
    }

    private static WorkbookSession Book(string values, string formulas)
    {
        var book = WorkbookSession.Create();
        if (values.Length > 0)
        {
            book.Run(values);
        }

        book.Run(formulas);
        return book;
    }

    [Fact]
    public async Task VerifyAsync_ReportsDivisionByZero_WithCellAndFormula()
    {
        using var book = Book("", """{"op":"set_formulas","range":"Sheet1!A1","formula":"=1/0"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("formula_error", finding.Code);
        Assert.StartsWith("Sheet1!A1: #DIV/0!", finding.ToString(), StringComparison.Ordinal);
        Assert.Contains("=1/0", finding.Message, StringComparison.Ordinal);
        using var reopened = book.Reopen();
        Assert.Equal("#DIV/0!", reopened.Text("A1"));
    }

    [Theory]
    [InlineData("=CELL(\"filename\")")]
    [InlineData("=CELL(\"filename\",A1)&\"!\"")]
    [InlineData("=INFO(\"directory\")")]
    public async Task VerifyAsync_NeverWritesWhereTheServerKeepsTheFile_WhenAFormulaAsksForIt(string formula)
    {
        using var book = Book("""{"op":"set_values","range":"Sheet1!A1","values":[[1]]}""",
            $$"""{"op":"set_formulas","range":"Sheet1!B1","formula":{{System.Text.Json.JsonSerializer.Serialize(formula)}}}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        using var reopened = book.Reopen();
        var value = reopened.Text("B1") ?? "";
        Assert.DoesNotContain("/tmp", value, StringComparison.Ordinal);
        Assert.DoesNotContain("officina", value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(report.Findings, f => f.Message.Contains("where the file is kept", StringComparison.Ordinal) && f.Location == "Sheet1!B1");
    }

    [Fact]
    public async Task VerifyAsync_WritesCachedValue_WhenClosedXmlComputesSum()
    {
        using var book = Book("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""",
            """{"op":"set_formulas","range":"Sheet1!A4","formula":"=SUM(A1:A3)"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, new LibreOfficeRunner("/nonexistent/soffice"));

        Assert.Empty(report.Findings);
        Assert.Contains(report.Checks, c => c.Contains("ClosedXML computed 1 of 1", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Checks, c => c.Contains("LibreOffice recalculated", StringComparison.Ordinal));
        using var reopened = book.Reopen();
        Assert.Equal(6, reopened.Number("A4"));
        Assert.Equal("=SUM(A1:A3)", reopened.Formula("A4"));
    }

    [Fact]
    public async Task VerifyAsync_ComputesWithLibreOffice_WhenClosedXmlLacksFunctions()
    {
        using var book = Book("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[100],[200],[300]]}""",
            """{"op":"set_formulas","range":"Sheet1!E1:E3","formulas":[["=NPV(0.1,A1:A3)"],["=PMT(0.05/12,360,-200000)"],["=E1+E2"]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Empty(report.Findings);
        Assert.Contains(report.Checks, c => c.Contains("LibreOffice recalculated", StringComparison.Ordinal));
        using var reopened = book.Reopen();
        Assert.Equal(481.5928, reopened.Number("E1"), 4);
        Assert.Equal(1073.6432, reopened.Number("E2"), 4);
        Assert.Equal(481.5928 + 1073.6432, reopened.Number("E3"), 3);
    }

    [Fact]
    public async Task VerifyAsync_ComputesXlookupAndDependents_WithLibreOffice()
    {
        // LibreOffice has XLOOKUP from 24.8 (scripts/test.sh installs it from bookworm-backports);
        // older ones answer #NAME?, which the verifier reports as "not computed", never as an error.
        using var book = Book("""{"op":"set_values","range":"Sheet1!B1:C3","values":[["a",1],["b",2],["c",3]]}""",
            """{"op":"set_formulas","range":"Sheet1!E1:E2","formulas":[["=XLOOKUP(\"b\",B1:B3,C1:C3)"],["=E1*10"]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Empty(report.Findings);
        using var reopened = book.Reopen();
        Assert.Equal("=_xlfn.XLOOKUP(\"b\",B1:B3,C1:C3)", reopened.Formula("E1"));
        Assert.Equal(2, reopened.Number("E1"));
        Assert.Equal(20, reopened.Number("E2"));
    }

    [Fact]
    public async Task VerifyAsync_ReportsNameError_WhenFunctionIsMisspelt()
    {
        using var book = Book("", """{"op":"set_formulas","range":"Sheet1!A1","formula":"=SUMM(1,2)"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.StartsWith("Sheet1!A1: #NAME?", Assert.Single(report.Findings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_WarnsAndNamesInstall_WhenLibreOfficeIsMissingForUnsupportedFunction()
    {
        using var book = Book("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[100],[200],[300]]}""",
            """{"op":"set_formulas","range":"Sheet1!B1","formula":"=NPV(0.1,A1:A3)"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, new LibreOfficeRunner("/nonexistent/soffice"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("Sheet1!B1", finding.Location);
        Assert.Contains(report.Checks, c => c.Contains("apt-get install libreoffice-calc-nogui", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_RecalculatesStaleCachedValue_WhenInputValueIsWrong()
    {
        byte[] bytes;
        using (var source = Book("""{"op":"set_values","range":"Sheet1!A1:A2","values":[[2],[3]]}""",
            """{"op":"set_formulas","range":"Sheet1!B1:B2","formulas":[["=A1*21"],["=NPV(0.1,A1:A2)+B1"]]}"""))
        {
            var sheet = source.Sheet("Sheet1")!;
            sheet.FindCell(1, 2)!.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("999");
            sheet.FindCell(2, 2)!.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("999");
            source.Workbook.CalculationProperties = null;
            bytes = source.ToArray();
        }

        using var book = WorkbookSession.Open(new MemoryStream(bytes));
        Assert.Equal(999, book.Number("B1"));

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Empty(report.Findings);
        using var reopened = book.Reopen();
        Assert.Equal(42, reopened.Number("B1"));
        Assert.Equal(42 + (2 / 1.1) + (3 / 1.21), reopened.Number("B2"), 6);
    }

    [Fact]
    public async Task VerifyAsync_WritesTypedCachedValues_ForTextBooleanAndError()
    {
        using var book = Book("""{"op":"set_values","range":"Sheet1!A1","values":[["x"]]}""",
            """{"op":"set_formulas","range":"Sheet1!B1:D1","formulas":[["=A1&\"y\"","=1>0","=NA()"]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Equal("Sheet1!D1", Assert.Single(report.Findings).Location);
        using var reopened = book.Reopen();
        var cells = reopened.Sheet("Sheet1")!;
        Assert.Equal(CellValues.String, cells.FindCell(1, 2)!.DataType!.Value);
        Assert.Equal("xy", reopened.Text("B1"));
        Assert.Equal(CellValues.Boolean, cells.FindCell(1, 3)!.DataType!.Value);
        Assert.Equal("1", cells.FindCell(1, 3)!.CellValue!.Text);
        Assert.Equal(CellValues.Error, cells.FindCell(1, 4)!.DataType!.Value);
        Assert.Equal("#N/A", cells.FindCell(1, 4)!.CellValue!.Text);
    }

    [Fact]
    public async Task VerifyAsync_ReportsNothing_WhenWorkbookHasNoFormulas()
    {
        using var book = Book("", """{"op":"set_values","range":"Sheet1!A1","values":[[1]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Empty(report.Findings);
        Assert.Contains("recalculation: no formulas", report.Checks);
        using var reopened = book.Reopen();
        Assert.Equal(1, reopened.Number("A1"));
    }

    [Fact]
    public async Task VerifyAsync_AddsNoSchemaErrors_OnRealWorkbookWithFormulas()
    {
        using var book = Workbooks.OpenAsset("simple-monthly-budget.xlsx");
        var before = book.Sheets.Select(s => s.Name).ToList();

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.DoesNotContain(report.Findings, f => f.Code == "schema");
        Assert.Contains(report.Checks, c => c.StartsWith("schema:", StringComparison.Ordinal));
        using var reopened = book.Reopen();
        Assert.Equal(before, reopened.Sheets.Select(s => s.Name));
        Assert.NotEmpty(reopened.WorkbookPart.WorksheetParts.SelectMany(p => p.TableDefinitionParts));
        Assert.Contains(reopened.WorkbookPart.WorksheetParts, p => p.DrawingsPart?.ChartParts.Any() == true);
    }

    [Fact]
    public async Task VerifyAsync_ThroughSession_ReportsErrors()
    {
        using var book = Book("", """{"op":"set_formulas","range":"Sheet1!A1","formula":"=1/0"}""");
        LibreOffice();

        var report = await book.VerifyAsync();

        Assert.True(report.HasErrors);
    }
}
