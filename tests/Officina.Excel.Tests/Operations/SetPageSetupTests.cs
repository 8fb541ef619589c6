using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetPageSetupTests
{
    private static WorkbookSession Report()
    {
        var book = WorkbookSession.Create("Report");
        book.Run("""{"op":"set_values","range":"Report!A1:C3","values":[["Region","Q1","Q2"],["North",1,2],["South",3,4]]}""");
        return book;
    }

    private static Worksheet Sheet(WorkbookSession book, string name = "Report") => book.Sheet(name)!.Worksheet;

    [Fact]
    public void Apply_WritesLandscapeA4FitToOnePageWide_InSchemaOrder()
    {
        using var book = Report();
        book.Run("""{"op":"merge_cells","range":"Report!A5:B5"}""");

        var outcome = book.Run("""{"op":"set_page_setup","sheet":"Report","orientation":"landscape","paper_size":"a4","fit_to_pages_wide":1}""");
        using var reopened = book.Reopen();

        var sheet = Sheet(reopened);
        Assert.True(sheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        var setup = sheet.GetFirstChild<PageSetup>()!;
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Null(setup.FitToWidth); // 1 is the default
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.NotNull(sheet.GetFirstChild<PageMargins>());
        var order = sheet.ChildElements.Select(e => e.LocalName).ToList();
        Assert.Equal(["sheetPr", "sheetData", "mergeCells", "pageMargins", "pageSetup"], order.Where(n => n is not ("dimension" or "sheetViews" or "sheetFormatPr" or "cols")));
        Assert.Contains("landscape", outcome.Change!.Summary);
        Assert.Contains("fit to 1 page(s) wide", outcome.Change.Summary);
    }

    [Fact]
    public void Apply_WritesMarginsInInches_CentringAndGridlines()
    {
        using var book = Report();

        book.Run("""{"op":"set_page_setup","margins":{"top":72,"bottom":36,"left":54,"right":null,"header":null,"footer":18},"center_horizontally":true,"print_gridlines":true}""");
        using var reopened = book.Reopen();

        var margins = Sheet(reopened).GetFirstChild<PageMargins>()!;
        Assert.Equal([1.0, 0.5, 0.75, 0.7, 0.3, 0.25], [margins.Top!.Value, margins.Bottom!.Value, margins.Left!.Value, margins.Right!.Value, margins.Header!.Value, margins.Footer!.Value]);
        var options = Sheet(reopened).GetFirstChild<PrintOptions>()!;
        Assert.True(options.HorizontalCentered!.Value);
        Assert.True(options.GridLines!.Value);
        Assert.Null(options.VerticalCentered);
    }

    [Fact]
    public void Apply_DefinesSheetLocalPrintAreaAndTitles_AndRemovesThem()
    {
        using var book = Report();
        book.Run("""{"op":"add_sheet","name":"Other Sheet","position":1}""");
        book.Run("""{"op":"set_page_setup","sheet":"Other Sheet","print_area":"A1:B2"}""");

        book.Run("""{"op":"set_page_setup","sheet":"Report","print_area":"A1:C40","print_title_rows":"1:1","print_title_columns":"A:A"}""");
        using var reopened = book.Reopen();

        var names = reopened.Workbook.DefinedNames!.Elements<DefinedName>().Select(d => $"{d.Name!.Value}@{d.LocalSheetId!.Value}={d.Text}").ToList();
        Assert.Contains("_xlnm.Print_Area@1=Report!$A$1:$C$40", names);
        Assert.Contains("_xlnm.Print_Titles@1=Report!$A:$A,Report!$1:$1", names);
        Assert.Contains("_xlnm.Print_Area@0='Other Sheet'!$A$1:$B$2", names);

        reopened.Run("""{"op":"set_page_setup","sheet":"Report","print_area":"","print_title_columns":""}""");
        using var again = reopened.Reopen();
        var left = again.Workbook.DefinedNames!.Elements<DefinedName>().Select(d => $"{d.Name!.Value}@{d.LocalSheetId!.Value}={d.Text}").ToList();
        Assert.Equal(["_xlnm.Print_Area@0='Other Sheet'!$A$1:$B$2", "_xlnm.Print_Titles@1=Report!$1:$1"], left);
    }

    [Fact]
    public void Apply_CentresPlainHeaderText_AndKeepsSections()
    {
        using var book = Report();

        book.Run("""{"op":"set_page_setup","header":"Quarterly report","footer":"&LConfidential&RPage &P of &N"}""");
        using var reopened = book.Reopen();

        var headerFooter = Sheet(reopened).GetFirstChild<HeaderFooter>()!;
        Assert.Equal("&CQuarterly report", headerFooter.OddHeader!.Text);
        Assert.Equal("&LConfidential&RPage &P of &N", headerFooter.OddFooter!.Text);

        reopened.Run("""{"op":"set_page_setup","header":"","footer":""}""");
        Assert.Null(Sheet(reopened).GetFirstChild<HeaderFooter>());
    }

    [Fact]
    public void Apply_ScaleTurnsFitToPageOff()
    {
        using var book = Report();
        book.Run("""{"op":"set_page_setup","fit_to_pages_wide":1,"fit_to_pages_tall":2}""");

        book.Run("""{"op":"set_page_setup","scale":85}""");
        using var reopened = book.Reopen();

        Assert.Null(Sheet(reopened).GetFirstChild<SheetProperties>());
        Assert.Equal(85u, Sheet(reopened).GetFirstChild<PageSetup>()!.Scale!.Value);
    }

    [Fact]
    public void Validate_ReturnsErrorsWithPaths_AndChangesNothing()
    {
        using var book = Report();
        var before = Sheet(book).OuterXml;

        var errors = book.Fail("""
            {"op":"set_page_setup","scale":5,"fit_to_pages_wide":-1,"margins":{"top":-3,"bottom":null,"left":null,"right":null,"header":null,"footer":null},
             "print_area":"Other!A1:B2","print_title_rows":"A1:B2","print_title_columns":"1:2","header":"x"}
            """);

        Assert.Contains(errors, e => e.Path == "scale" && e.Rule == "scale_range" && e.Message.Contains("Given: 5"));
        Assert.Contains(errors, e => e.Path == "scale" && e.Rule == "one_of");
        Assert.Contains(errors, e => e.Path == "fit_to_pages_wide" && e.Rule == "fit_range");
        Assert.Contains(errors, e => e.Path == "margins.top" && e.Rule == "margin_range");
        Assert.Contains(errors, e => e.Path == "print_area" && e.Rule == "range_sheet");
        Assert.Contains(errors, e => e.Path == "print_title_rows" && e.Message.Contains("'A1:B2'"));
        Assert.Contains(errors, e => e.Path == "print_title_columns");
        Assert.Contains(book.Fail("""{"op":"set_page_setup"}"""), e => e.Rule == "setting_required");
        Assert.Contains(book.Fail("""{"op":"set_page_setup","sheet":"Nope","orientation":"portrait"}"""), e => e.Path == "sheet" && e.Rule == "sheet_exists");
        Assert.Equal(before, Sheet(book).OuterXml);
    }

    [Fact]
    public void Apply_KeepsEverythingElse_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("basicspread.xlsx");
        var survey = PackageSurvey.Of(book, "Sheet1");

        book.Run("""{"op":"set_page_setup","sheet":"Sheet1","orientation":"landscape","paper_size":"letter","fit_to_pages_wide":1,"fit_to_pages_tall":1,"footer":"Page &P of &N"}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        Assert.Equal(OrientationValues.Landscape, Sheet(reopened, "Sheet1").GetFirstChild<PageSetup>()!.Orientation!.Value);
    }
}
