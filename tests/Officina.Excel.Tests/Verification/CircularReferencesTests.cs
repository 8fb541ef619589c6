using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Verification;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Tests.Verification;

/// <summary>
/// Circular references are found before recalculation, reported once per circle, and their cells
/// keep their cached values; long chains that do not close are computed without overflowing a stack.
/// The timeouts are a safety net against a hang, not the assertion.
/// </summary>
public sealed class CircularReferencesTests
{
    private const int Long = 20_000;
    private const int SafetyNet = 600_000;

    private static LibreOfficeRunner NoLibreOffice() => new("/nonexistent/soffice");

    private static LibreOfficeRunner LibreOffice()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        return runner;
    }

    /// <summary>
    /// Column A of Sheet1 as a chain of <paramref name="length"/> formulas, each one more than the
    /// next cell up (<paramref name="upwards"/>: A1=A2+1, ..., the last row a constant) or the one
    /// above (A2=A1+1, ..., A1 a constant). <paramref name="closed"/> makes the constant end a
    /// formula reading the other end, closing the circle. Every formula cell caches <c>row * 10</c>.
    /// </summary>
    private static byte[] Chain(int length, bool closed, bool upwards = false)
    {
        using var book = WorkbookSession.Create();
        var sheet = book.Sheet("Sheet1")!;
        var (start, end) = upwards ? (length, 1) : (1, length);
        for (var row = 1; row <= length; row++)
        {
            if (row == start && !closed)
            {
                sheet.SetValue(row, 1, 1);
                continue;
            }

            var read = row == start ? end : upwards ? row + 1 : row - 1;
            sheet.SetFormula(row, 1, $"=A{read}+1");
            sheet.FindCell(row, 1)!.CellValue = new XmlCellValue((row * 10).ToString(CultureInfo.InvariantCulture));
        }

        return book.ToArray();
    }

    private static string Cached(WorkbookSession book, int row) => book.Sheet("Sheet1")!.FindCell(row, 1)!.CellValue!.Text;

    [Fact(Timeout = SafetyNet)]
    public async Task VerifyAsync_ReportsTheCircleOnce_AndKeepsCachedValues_WhenAChainOf20000ClosesOnItself()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Chain(Long, closed: true)));

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("circular_reference", FindingSeverity.Error, "Sheet1!A1"), (finding.Code, finding.Severity, finding.Location));
        Assert.Contains("20,000 formula cells (Sheet1!A1:A20000)", finding.Message, StringComparison.Ordinal);
        Assert.Contains(report.Checks, c => c.Contains("1 circular reference(s)", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Checks, c => c.Contains("LibreOffice recalculated", StringComparison.Ordinal));
        using var reopened = book.Reopen();
        foreach (var row in new[] { 1, 2, 9_999, Long })
        {
            Assert.Equal((row * 10).ToString(CultureInfo.InvariantCulture), Cached(reopened, row));
        }

        Assert.Equal($"=A{Long}+1", reopened.Formula("Sheet1!A1"));
    }

    [Theory(Timeout = SafetyNet)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_ComputesAChainOf20000_WithoutOverflowingTheStack(bool upwards)
    {
        using var book = WorkbookSession.Open(new MemoryStream(Chain(Long, closed: false, upwards)));

        var report = await WorkbookVerifier.VerifyAsync(book, NoLibreOffice());

        Assert.Empty(report.Findings);
        Assert.Contains(report.Checks, c => c.Contains($"ClosedXML computed {Long - 1} of {Long - 1}", StringComparison.Ordinal));
        using var reopened = book.Reopen();
        Assert.Equal(Long, reopened.Number(upwards ? "Sheet1!A1" : $"Sheet1!A{Long}"));
        Assert.Equal(2, reopened.Number(upwards ? $"Sheet1!A{Long - 1}" : "Sheet1!A2"));
    }

    [Fact(Timeout = SafetyNet)]
    public async Task VerifyAsync_RecalculatesTheWholeChain_WhenThePlanChangesItsStart()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Chain(Long, closed: false)));
        book.Run("""{"op":"set_values","range":"Sheet1!A1","values":[[100]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, NoLibreOffice());

        Assert.Empty(report.Findings);
        using var reopened = book.Reopen();
        Assert.Equal(101, reopened.Number("Sheet1!A2"));
        Assert.Equal(100 + Long - 1, reopened.Number($"Sheet1!A{Long}"));
    }

    [Fact]
    public async Task VerifyAsync_ReportsACellThatReadsItself()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!A4","formula":"=SUM(A1:A4)"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, NoLibreOffice());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("circular_reference", "Sheet1!A4"), (finding.Code, finding.Location));
        Assert.StartsWith("Sheet1!A4 reads itself", finding.Message, StringComparison.Ordinal);
        using var reopened = book.Reopen();
        Assert.Null(reopened.Sheet("Sheet1")!.FindCell(4, 1)!.CellValue);
    }

    [Fact]
    public async Task VerifyAsync_ComputesTheRestWithLibreOffice_AndWritesNothingIntoTheCircle()
    {
        // ClosedXML lacks NPV, so LibreOffice recalculates the whole workbook, circle included.
        using var book = WorkbookSession.Open(new MemoryStream(Chain(3, closed: true)));
        book.Run("""{"op":"set_values","range":"Sheet1!C1:C3","values":[[100],[200],[300]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!D1:D2","formulas":[["=NPV(0.1,C1:C3)"],["=A3*2"]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Contains(report.Checks, c => c.Contains("LibreOffice recalculated", StringComparison.Ordinal));
        Assert.Equal("circular_reference", Assert.Single(report.PreExisting).Code);
        var reader = Assert.Single(report.Findings);
        Assert.Equal(("formula_not_computed", "Sheet1!D2"), (reader.Code, reader.Location));
        Assert.Contains("reads Sheet1!A3, which is part of a circular reference", reader.Message, StringComparison.Ordinal);
        using var reopened = book.Reopen();
        Assert.Equal(481.5928, reopened.Number("Sheet1!D1"), 4);
        Assert.Equal(["10", "20", "30"], [Cached(reopened, 1), Cached(reopened, 2), Cached(reopened, 3)]);
        Assert.Null(reopened.Sheet("Sheet1")!.FindCell(2, 4)!.CellValue);
    }

    [Fact]
    public async Task VerifyAsync_ListsTheCircleAsPreExisting_WhenThePlanWroteNoneOfItsCells()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Chain(5, closed: true)));
        book.Run("""{"op":"set_values","range":"Sheet1!C1","values":[[7]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!C2","formula":"=C1*2"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, NoLibreOffice());

        Assert.Empty(report.Findings);
        var known = Assert.Single(report.PreExisting);
        Assert.Equal(("circular_reference", FindingSeverity.Info), (known.Code, known.Severity));
        using var reopened = book.Reopen();
        Assert.Equal(14, reopened.Number("Sheet1!C2"));
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheCircleAsNew_WhenThePlanClosesIt()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Chain(5, closed: false)));
        book.Run("""{"op":"set_formulas","range":"Sheet1!A1","formula":"=A5+1"}""");

        var report = await WorkbookVerifier.VerifyAsync(book, NoLibreOffice());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("circular_reference", FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.Contains("5 formula cells (Sheet1!A1:A5)", finding.Message, StringComparison.Ordinal);
        Assert.Empty(report.PreExisting);
    }

    [Fact]
    public async Task VerifyAsync_WarnsOnly_WhenTheWorkbookTurnsOnIterativeCalculation()
    {
        using var input = WorkbookSession.Open(new MemoryStream(Chain(2, closed: true)));
        input.Workbook.CalculationProperties = new CalculationProperties { Iterate = true };
        using var book = WorkbookSession.Open(new MemoryStream(input.ToArray()));

        var report = await WorkbookVerifier.VerifyAsync(book, NoLibreOffice());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("circular_reference", FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("iterative calculation", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["10", "20"], [Cached(book, 1), Cached(book, 2)]);
    }

    [Fact]
    public void Execute_RefusesToReadACircle_WhenAnOperationReadsItsValues()
    {
        using var book = WorkbookSession.Open(new MemoryStream(Chain(3, closed: false)));
        book.Run("""{"op":"set_formulas","range":"Sheet1!A1","formula":"=A3+1"}""");

        var errors = book.Fail("""{"op":"copy_range","source":"Sheet1!A1:A3","destination":"Sheet1!B1","what":"values"}""");

        Assert.Contains(errors, e => e.Message.Contains("circular reference", StringComparison.Ordinal));
    }
}
