using Officina.Excel.Verification;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Tests.Verification;

/// <summary>
/// Whole-column and whole-row references are evaluated over the used range, with the values
/// Excel gives; where the blanks past it could change a result, the cell is left to LibreOffice
/// or keeps its cached value. The timeouts are a safety net against a hang, not the assertion.
/// </summary>
public sealed class WholeLineReferencesTests
{
    private const int Rows = 5_000;
    private const int SafetyNet = 600_000;

    private static LibreOfficeRunner NoLibreOffice() => new("/nonexistent/soffice");

    private static LibreOfficeRunner LibreOffice()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        return runner;
    }

    /// <summary>Formulas on Sheet1 over Sheet2's A1:B5000 (<c>k1</c>..<c>k5000</c>, 10..50000), and the value Excel gives each.</summary>
    private static readonly (string Cell, string Formula, string Excel)[] Bounded =
    [
        ("B1", "=VLOOKUP(\"k4321\",Sheet2!A:B,2,FALSE)", "43210"),
        ("B2", "=SUMIF(Sheet2!A:A,\"k12\",Sheet2!B:B)", "120"),
        ("B3", "=MATCH(\"k4000\",Sheet2!$A:$A,0)", "4000"),
        ("B4", "=INDEX(Sheet2!B:B,4000)", "40000"),
        ("B5", "=COUNTIF(Sheet2!A:A,\"k1*\")", "1111"),
        ("B6", "=SUM(Sheet2!B:B)", "125025000"),
        ("B7", "=COUNTA(Sheet2!A:A)", "5000"),
        ("B8", "=SUM(Sheet2!2:3)", "50"),
        ("B9", "=SUMPRODUCT(Sheet2!B:B,Sheet2!B:B)/1000000", "4167916.75"),
    ];

    /// <summary>Formulas whose result the blank cells past the used range change, with Excel's value cached.</summary>
    private static readonly (string Cell, string Formula, string Excel, string Why)[] Withheld =
    [
        ("C1", "=COUNTBLANK(Sheet2!A:A)", "1043576", "COUNTBLANK"),
        ("C2", "=ROWS(Sheet2!A:A)", "1048576", "ROWS"),
        ("C3", "=COUNTIF(Sheet2!A:A,\"<>k1\")", "1048575", "COUNTIF"),
        ("C4", "=SUMPRODUCT((Sheet2!A:A=\"\")*1)", "1043576", "not an argument of its own"),
        ("C5", "=INDEX(Sheet2!B:B,6000)", "0", "#REF!"),
    ];

    private static byte[] LookupBook()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"Sheet2"}""");
        var data = book.Sheet("Sheet2")!;
        for (var row = 1; row <= Rows; row++)
        {
            data.SetValue(row, 1, $"k{row}");
            data.SetValue(row, 2, row * 10);
        }

        var sheet = book.Sheet("Sheet1")!;
        foreach (var (cell, formula, _) in Bounded)
        {
            var (range, _) = book.Resolve($"Sheet1!{cell}");
            sheet.SetFormula(range.FirstRow, range.FirstColumn, formula);
        }

        sheet.SetFormula(20, 2, "=VLOOKUP(\"nothing\",Sheet2!A:B,2,FALSE)");
        foreach (var (cell, formula, excel, _) in Withheld)
        {
            var (range, _) = book.Resolve($"Sheet1!{cell}");
            sheet.SetFormula(range.FirstRow, range.FirstColumn, formula);
            sheet.FindCell(range.FirstRow, range.FirstColumn)!.CellValue = new XmlCellValue(excel);
        }

        return book.ToArray();
    }

    [Fact(Timeout = SafetyNet)]
    public async Task VerifyAsync_EvaluatesWholeColumnsOverTheUsedRows_AndKeepsCachedValuesWhereBlanksCount()
    {
        using var book = WorkbookSession.Open(new MemoryStream(LookupBook()));

        var report = await WorkbookVerifier.VerifyAsync(book, NoLibreOffice());

        using var reopened = book.Reopen();
        foreach (var (cell, formula, excel) in Bounded)
        {
            Assert.Equal((cell, excel), (cell, reopened.Text($"Sheet1!{cell}")));
            Assert.Equal(formula, reopened.Formula($"Sheet1!{cell}"));
        }

        foreach (var (cell, formula, excel, why) in Withheld)
        {
            Assert.Equal((cell, excel), (cell, reopened.Text($"Sheet1!{cell}")));
            Assert.Equal(formula, reopened.Formula($"Sheet1!{cell}"));
            var warning = Assert.Single(report.Findings, f => f.Location == $"Sheet1!{cell}");
            Assert.Equal("formula_not_computed", warning.Code);
            Assert.Contains(why, warning.Message, StringComparison.Ordinal);
        }

        var missing = Assert.Single(report.Findings, f => f.Location == "Sheet1!B20");
        Assert.StartsWith("#N/A", missing.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = SafetyNet)]
    public async Task VerifyAsync_LeavesWholeColumnsItCannotBoundToLibreOffice()
    {
        using var book = WorkbookSession.Open(new MemoryStream(LookupBook()));

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Contains(report.Checks, c => c.Contains("LibreOffice recalculated", StringComparison.Ordinal));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("formula_error", "Sheet1!B20"), (finding.Code, finding.Location));
        using var reopened = book.Reopen();
        foreach (var (cell, _, excel) in Bounded)
        {
            Assert.Equal((cell, excel), (cell, reopened.Text($"Sheet1!{cell}")));
        }

        foreach (var (cell, formula, excel, _) in Withheld)
        {
            Assert.Equal((cell, excel), (cell, reopened.Text($"Sheet1!{cell}")));
            Assert.Equal(formula, reopened.Formula($"Sheet1!{cell}"));
        }
    }

    [Fact(Timeout = SafetyNet)]
    public async Task VerifyAsync_RecalculatesPoisFullColumnLookup_WhenThePlanChangesAKey()
    {
        // apache/poi's VLookupFullColumn.xlsx: B4:B311 hold VLOOKUP(A4,$D:$E,2,0) over a three-row table in D1:E3.
        using var book = Workbooks.OpenAsset("VLookupFullColumn.xlsx");
        book.Run("""{"op":"set_values","range":"Sheet1!A5","values":[["Key2"]]}""");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.Empty(report.Findings);
        Assert.Contains(report.Checks, c => c.Contains("ClosedXML computed 1 of 1", StringComparison.Ordinal));
        Assert.Contains(report.PreExisting, f => f.Location == "Sheet1!B6" && f.Message.StartsWith("#N/A", StringComparison.Ordinal));
        using var reopened = book.Reopen();
        Assert.Equal("Value2", reopened.Text("Sheet1!B5"));
        Assert.Equal("Value1", reopened.Text("Sheet1!B4"));
        Assert.Equal("=VLOOKUP(A5,$D:$E,2,0)", reopened.Formula("Sheet1!B5"));
    }

    [Fact(Timeout = SafetyNet)]
    public async Task VerifyAsync_RecalculatesAllOfPoisFullColumnLookups()
    {
        using var book = Workbooks.OpenAsset("VLookupFullColumn.xlsx");

        var report = await WorkbookVerifier.VerifyAsync(book, LibreOffice());

        Assert.All(report.Findings.Where(f => f.Code != "formula_error"), f => Assert.Fail($"unexpected finding {f}"));
        Assert.Contains(report.Checks, c => c.Contains("308 of 308 formula(s) computed", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Contains("cached values: 0 of 308", StringComparison.Ordinal));
        using var reopened = book.Reopen();
        Assert.Equal("Value1", reopened.Text("Sheet1!B4"));
        Assert.Equal("#N/A", reopened.Text("Sheet1!B311"));
    }

    [Theory]
    [InlineData("=VLOOKUP(A1,Sheet2!A:B,2,FALSE)", "=VLOOKUP(A1,Sheet2!A$1:B$3,2,FALSE)")]
    [InlineData("=SUM($A:$A)+SUM(2:2)", "=SUM($A$1:$A$3)+SUM($A2:$D2)")]
    [InlineData("=_xlfn.XLOOKUP(1,Sheet2!A:A,Sheet2!B:B)", "=_xlfn.XLOOKUP(1,Sheet2!A$1:A$3,Sheet2!B$1:B$3)")]
    [InlineData("=COUNTIFS(A:A,\">5\",B:B,\"\")", "=COUNTIFS(A$1:A$3,\">5\",B$1:B$3,\"\")")]
    [InlineData("=COUNTIF(A:A,D1)", "=COUNTIF(A$1:A$3,D1)")]
    [InlineData("=SUM(A1:B2)", null)]
    public void Bound_BoundsToTheUsedRange_WhenBlanksPastItChangeNothing(string formula, string? bounded)
    {
        using var book = SmallBook();
        var (result, withheld) = new WholeLineReferences(book).Bound(new FormulaCell("Sheet1", new(10, 10), formula), arrayFormula: false);

        Assert.Null(withheld);
        Assert.Equal(bounded, result);
    }

    [Theory]
    [InlineData("=COUNTBLANK(A:A)")]
    [InlineData("=COLUMNS(1:1)")]
    [InlineData("=A:A*2")]
    [InlineData("=COUNTIF(A:A,\"\")")]
    [InlineData("=COUNTIF(A:A,\"<>x\")")]
    [InlineData("=COUNTIF(A:A,C1)")]
    [InlineData("=COUNTIF(A:A,\"<\"&D1)")]
    [InlineData("=MATCH(5,A:A,-1)")]
    [InlineData("=SUMPRODUCT(A:A,B1:B100)")]
    [InlineData("=TEXTJOIN(\",\",FALSE,A:A)")]
    public void Bound_Withholds_WhenBlanksPastTheUsedRangeCouldCount(string formula)
    {
        using var book = SmallBook();
        var (result, withheld) = new WholeLineReferences(book).Bound(new FormulaCell("Sheet1", new(10, 10), formula), arrayFormula: false);

        Assert.Null(result);
        Assert.NotNull(withheld);
    }

    /// <summary>Sheet1 A1:D3 used (C1 blank, D1 holds 7), Sheet2 A1:B3.</summary>
    private static WorkbookSession SmallBook()
    {
        var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:D3","values":[[1,2,null,7],[3,4,5,6],[7,8,9,10]]}""");
        book.Run("""{"op":"add_sheet","name":"Sheet2"}""");
        book.Run("""{"op":"set_values","range":"Sheet2!A1:B3","values":[[1,2],[3,4],[5,6]]}""");
        return book;
    }
}
