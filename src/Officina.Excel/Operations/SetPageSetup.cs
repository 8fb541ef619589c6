using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Layout;
using Officina.Excel.Names;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Page orientation for printing.</summary>
public enum PageOrientation
{
    Portrait,
    Landscape,
}

/// <summary>Paper sizes, written as SpreadsheetML's paperSize codes.</summary>
public enum PaperSize
{
    Letter,
    Legal,
    Tabloid,
    Executive,
    A3,
    A4,
    A5,
    B4,
    B5,
}

/// <summary>Page margins in points (72 per inch); null leaves a margin as it is.</summary>
public sealed record PrintMargins(
    [property: Description("Top margin in points")] double? Top = null,
    [property: Description("Bottom margin in points")] double? Bottom = null,
    [property: Description("Left margin in points")] double? Left = null,
    [property: Description("Right margin in points")] double? Right = null,
    [property: Description("Distance of the header from the top edge, in points")] double? Header = null,
    [property: Description("Distance of the footer from the bottom edge, in points")] double? Footer = null);

/// <summary>
/// Sets how a worksheet prints: orientation, paper size, scaling (a percentage, or fit to N
/// pages wide by M tall, written as <c>sheetPr/pageSetUpPr fitToPage</c> with
/// <c>pageSetup fitToWidth/fitToHeight</c>; a dimension left out fits automatically, as
/// Excel's blank box), margins (points, stored in inches), centring, gridlines, the print area
/// and print titles (the sheet-local <c>_xlnm.Print_Area</c> and <c>_xlnm.Print_Titles</c>
/// names Excel uses), and header/footer text with Excel's codes (<c>&amp;P</c> page,
/// <c>&amp;N</c> pages, <c>&amp;D</c> date, <c>&amp;A</c> sheet, <c>&amp;F</c> file; text
/// without <c>&amp;L</c>/<c>&amp;C</c>/<c>&amp;R</c> is centred). Only the properties given
/// change; an empty string removes a print area, print titles, header or footer. Elements are
/// placed in the worksheet's schema order; a missing <c>pageMargins</c> is written with
/// Excel's defaults, as Excel does whenever it writes a page setup.
/// </summary>
[Operation("set_page_setup", "Set printing: orientation, paper, fit to pages, margins, print area, titles, header/footer.")]
public sealed record SetPageSetup(
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null,
    [property: Description("portrait or landscape")] PageOrientation? Orientation = null,
    [property: Description("letter, legal, tabloid, executive, a3, a4, a5, b4 or b5")] PaperSize? PaperSize = null,
    [property: Description("Fit to this many pages wide (0: as many as needed); turns scaling into fit-to-page")] int? FitToPagesWide = null,
    [property: Description("Fit to this many pages tall (0: as many as needed); turns scaling into fit-to-page")] int? FitToPagesTall = null,
    [property: Description("Print scale in percent (10 to 400); turns fit-to-page off")] int? Scale = null,
    [property: Description("Margins in points; null leaves them")] PrintMargins? Margins = null,
    [property: Description("Print area on this sheet, e.g. A1:F40; empty string removes it")] string? PrintArea = null,
    [property: Description("Rows repeated at the top of each page, e.g. 1:2; empty string removes them")] string? PrintTitleRows = null,
    [property: Description("Columns repeated at the left of each page, e.g. A:B; empty string removes them")] string? PrintTitleColumns = null,
    [property: Description("Header text; codes &L &C &R (sections), &P page, &N pages, &D date, &A sheet; empty removes")] string? Header = null,
    [property: Description("Footer text, same codes as header, e.g. 'Page &P of &N'; empty removes")] string? Footer = null,
    [property: Description("Centre the printout horizontally on the page")] bool? CenterHorizontally = null,
    [property: Description("Centre the printout vertically on the page")] bool? CenterVertically = null,
    [property: Description("Print the cell gridlines")] bool? PrintGridlines = null)
    : WriteOperation<WorkbookSession>
{
    public const double MaxMargin = 720;
    public const int MaxHeaderLength = 255;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var resolved = session.TryResolveSheet(Sheet, "sheet", errors, out var sheet);
        if (this is { Orientation: null, PaperSize: null, FitToPagesWide: null, FitToPagesTall: null, Scale: null, Margins: null, PrintArea: null, PrintTitleRows: null }
            && this is { PrintTitleColumns: null, Header: null, Footer: null, CenterHorizontally: null, CenterVertically: null, PrintGridlines: null })
        {
            errors.Add(new("$", "setting_required", "Give at least one page setting (orientation, paper_size, fit_to_pages_wide, margins, print_area, header, …). Given: none."));
        }

        CheckFit(FitToPagesWide, "fit_to_pages_wide", errors);
        CheckFit(FitToPagesTall, "fit_to_pages_tall", errors);
        if (Scale is { } scale && (scale < 10 || scale > 400))
        {
            errors.Add(new("scale", "scale_range", $"scale must be a percentage between 10 and 400. Given: {scale}."));
        }

        if (Scale is not null && (FitToPagesWide is not null || FitToPagesTall is not null))
        {
            errors.Add(new("scale", "one_of", "Give either scale or fit_to_pages_wide/fit_to_pages_tall, not both: Excel prints at a percentage or fits to pages."));
        }

        if (FitToPagesWide == 0 && FitToPagesTall is null or 0)
        {
            errors.Add(new("fit_to_pages_wide", "fit_range", "Fitting needs at least one dimension of 1 page or more; 0 only means 'as many as needed' for the other one. Given: 0 wide."));
        }

        foreach (var (name, value) in MarginValues())
        {
            if (value is { } v && (double.IsNaN(v) || v < 0 || v > MaxMargin))
            {
                errors.Add(new($"margins.{name}", "margin_range", $"A margin must be between 0 and {MaxMargin} points (10 inches). Given: {v.ToString(CultureInfo.InvariantCulture)}."));
            }
        }

        CheckHeader(Header, "header", errors);
        CheckHeader(Footer, "footer", errors);
        if (resolved)
        {
            if (PrintArea is { Length: > 0 })
            {
                AreaOn(sheet, PrintArea, "print_area", errors);
            }

            if (PrintTitleRows is { Length: > 0 } && !TryLines(PrintTitleRows, sheet.SheetName, rows: true, out _))
            {
                errors.Add(new("print_title_rows", "title_rows", $"print_title_rows must be whole rows of this sheet, e.g. 1:1 or 1:3. Given: '{PrintTitleRows}'."));
            }

            if (PrintTitleColumns is { Length: > 0 } && !TryLines(PrintTitleColumns, sheet.SheetName, rows: false, out _))
            {
                errors.Add(new("print_title_columns", "title_columns", $"print_title_columns must be whole columns of this sheet, e.g. A:A or A:B. Given: '{PrintTitleColumns}'."));
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        var worksheet = sheet.Worksheet;
        var done = new List<string>();
        var setUp = Orientation is not null || PaperSize is not null || Scale is not null || FitToPagesWide is not null || FitToPagesTall is not null;
        if (setUp)
        {
            SetUp(worksheet, done);
        }

        if (Margins is not null || setUp)
        {
            var margins = worksheet.GetFirstChild<PageMargins>() ?? WorksheetLayout.Insert(worksheet, new PageMargins
            {
                Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3,
            });
            foreach (var (name, value) in MarginValues())
            {
                if (value is { } points)
                {
                    SetMargin(margins, name, Math.Round(points / 72, 4));
                    done.Add($"{name} margin {points.ToString(CultureInfo.InvariantCulture)} pt");
                }
            }
        }

        if (CenterHorizontally is not null || CenterVertically is not null || PrintGridlines is not null)
        {
            var options = WorksheetLayout.GetOrInsert<PrintOptions>(worksheet);
            options.HorizontalCentered = CenterHorizontally ?? options.HorizontalCentered?.Value;
            options.VerticalCentered = CenterVertically ?? options.VerticalCentered?.Value;
            options.GridLines = PrintGridlines ?? options.GridLines?.Value;

            done.Add(string.Join(", ", new[]
            {
                CenterHorizontally is { } h ? $"centred horizontally {(h ? "on" : "off")}" : null,
                CenterVertically is { } v ? $"centred vertically {(v ? "on" : "off")}" : null,
                PrintGridlines is { } g ? $"gridlines {(g ? "on" : "off")}" : null,
            }.OfType<string>()));
        }

        if (Header is not null || Footer is not null)
        {
            var headerFooter = WorksheetLayout.GetOrInsert<HeaderFooter>(worksheet);
            if (Header is not null)
            {
                headerFooter.OddHeader = Header.Length == 0 ? null : new OddHeader(Sectioned(Header));
                done.Add(Header.Length == 0 ? "header removed" : $"header '{Header}'");
            }

            if (Footer is not null)
            {
                headerFooter.OddFooter = Footer.Length == 0 ? null : new OddFooter(Sectioned(Footer));
                done.Add(Footer.Length == 0 ? "footer removed" : $"footer '{Footer}'");
            }

            if (!headerFooter.HasChildren && !headerFooter.HasAttributes)
            {
                headerFooter.Remove();
            }
        }

        var position = BuiltInNames.PositionOf(session, sheet.SheetName);
        if (PrintArea is not null)
        {
            var area = PrintArea.Length == 0 ? null : AreaOn(sheet, PrintArea, "print_area", []);
            BuiltInNames.Set(session, BuiltInNames.PrintArea, position, area is null ? null : DefineName.Absolute(area));
            done.Add(area is null ? "print area removed" : $"print area {area.Reference}");
        }

        if (PrintTitleRows is not null || PrintTitleColumns is not null)
        {
            SetTitles(session, sheet.SheetName, position, done);
        }

        var target = RangeAddress.QuoteSheet(sheet.SheetName);
        return new Change("set_page_setup", target, $"Set the page setup of '{sheet.SheetName}': {string.Join("; ", done)}", done.Count);
    }

    private void SetUp(Worksheet worksheet, List<string> done)
    {
        var setup = WorksheetLayout.GetOrInsert<PageSetup>(worksheet);
        if (Orientation is { } orientation)
        {
            setup.Orientation = orientation == PageOrientation.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait;
            done.Add(orientation.ToString().ToLowerInvariant());
        }

        if (PaperSize is { } paper)
        {
            setup.PaperSize = PaperCode(paper);
            done.Add($"paper {paper}");
        }

        var properties = worksheet.GetFirstChild<SheetProperties>() ?? WorksheetLayout.Insert(worksheet, new SheetProperties());
        if (Scale is { } scale)
        {
            setup.Scale = (uint)scale;
            if (properties.PageSetupProperties is { } off)
            {
                off.FitToPage = null;
                if (!off.HasAttributes)
                {
                    properties.PageSetupProperties = null;
                }
            }

            done.Add($"scale {scale}%");
        }

        if (FitToPagesWide is not null || FitToPagesTall is not null)
        {
            (properties.PageSetupProperties ??= new PageSetupProperties()).FitToPage = true;
            var wide = (uint)(FitToPagesWide ?? 0);
            var tall = (uint)(FitToPagesTall ?? 0);
            setup.FitToWidth = wide == 1 ? null : wide;
            setup.FitToHeight = tall == 1 ? null : tall;
            done.Add($"fit to {(wide == 0 ? "any number of" : wide.ToString(CultureInfo.InvariantCulture))} page(s) wide by {(tall == 0 ? "any number of" : tall.ToString(CultureInfo.InvariantCulture))} tall");
        }

        if (!properties.HasChildren && !properties.HasAttributes)
        {
            properties.Remove();
        }
    }

    private void SetTitles(WorkbookSession session, string sheetName, uint position, List<string> done)
    {
        var existing = BuiltInNames.Find(session, BuiltInNames.PrintTitles, position)?.Text ?? "";
        var parts = existing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? columns = parts.FirstOrDefault(p => RangeAddress.TryParse(p, out var r, out _) && r.RowCount == CellAddress.MaxRow);
        string? rows = parts.FirstOrDefault(p => RangeAddress.TryParse(p, out var r, out _) && r.ColumnCount == CellAddress.MaxColumn);
        if (PrintTitleRows is not null)
        {
            rows = TryLines(PrintTitleRows, sheetName, rows: true, out var r) ? DefineName.Absolute(r) : null;
            done.Add(rows is null ? "title rows removed" : $"rows {RowSpans.Name(r.FirstRow, r.LastRow)} repeat on each page");
        }

        if (PrintTitleColumns is not null)
        {
            columns = TryLines(PrintTitleColumns, sheetName, rows: false, out var c) ? DefineName.Absolute(c) : null;
            done.Add(columns is null ? "title columns removed" : $"columns {RowSpans.ColumnName(c.FirstColumn, c.LastColumn)} repeat on each page");
        }

        // Excel writes the columns first: 'Sheet'!$A:$A,'Sheet'!$1:$1.
        var text = string.Join(",", new[] { columns, rows }.OfType<string>());
        BuiltInNames.Set(session, BuiltInNames.PrintTitles, position, text.Length == 0 ? null : text);
    }

    private static RangeAddress? AreaOn(SheetCells sheet, string text, string property, List<OperationError> errors)
    {
        if (!RangeAddress.TryParse(text, out var range, out var error))
        {
            errors.Add(new(property, "range", error));
            return null;
        }

        if (range.Sheet is { } named && !string.Equals(named, sheet.SheetName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(property, "range_sheet", $"{property} must be on the sheet being set up ('{sheet.SheetName}'). Given: '{text}'."));
            return null;
        }

        return range.WithSheet(sheet.SheetName);
    }

    /// <summary>Whole rows (<c>1:2</c>) or whole columns (<c>A:B</c>), optionally with this sheet's name.</summary>
    private static bool TryLines(string text, string sheetName, bool rows, out RangeAddress range)
    {
        if (!RangeAddress.TryParse(text, out range, out _)
            || (range.Sheet is { } named && !string.Equals(named, sheetName, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        range = range.WithSheet(sheetName);
        return rows ? range.ColumnCount == CellAddress.MaxColumn && range.RowCount < CellAddress.MaxRow
            : range.RowCount == CellAddress.MaxRow && range.ColumnCount < CellAddress.MaxColumn;
    }

    private IEnumerable<(string Name, double? Value)> MarginValues() =>
    [
        ("top", Margins?.Top), ("bottom", Margins?.Bottom), ("left", Margins?.Left),
        ("right", Margins?.Right), ("header", Margins?.Header), ("footer", Margins?.Footer),
    ];

    private static void SetMargin(PageMargins margins, string name, double inches)
    {
        switch (name)
        {
            case "top": margins.Top = inches; break;
            case "bottom": margins.Bottom = inches; break;
            case "left": margins.Left = inches; break;
            case "right": margins.Right = inches; break;
            case "header": margins.Header = inches; break;
            default: margins.Footer = inches; break;
        }
    }

    private static uint PaperCode(PaperSize paper) => paper switch
    {
        Operations.PaperSize.Letter => 1,
        Operations.PaperSize.Tabloid => 3,
        Operations.PaperSize.Legal => 5,
        Operations.PaperSize.Executive => 7,
        Operations.PaperSize.A3 => 8,
        Operations.PaperSize.A4 => 9,
        Operations.PaperSize.A5 => 11,
        Operations.PaperSize.B4 => 12,
        _ => 13,
    };

    /// <summary>Text without a section code is centred, as Excel's Custom Header dialog puts it.</summary>
    private static string Sectioned(string text) =>
        text.Contains("&L", StringComparison.Ordinal) || text.Contains("&C", StringComparison.Ordinal) || text.Contains("&R", StringComparison.Ordinal)
            ? text : "&C" + text;

    private static void CheckFit(int? value, string property, List<OperationError> errors)
    {
        if (value is { } v && (v < 0 || v > 32767))
        {
            errors.Add(new(property, "fit_range", $"{property} must be between 0 (as many as needed) and 32767 pages. Given: {v}."));
        }
    }

    private static void CheckHeader(string? text, string property, List<OperationError> errors)
    {
        if (text is null)
        {
            return;
        }

        if (Sectioned(text).Length > MaxHeaderLength)
        {
            errors.Add(new(property, "header_length", $"Excel keeps at most {MaxHeaderLength} characters of {property} text, codes included. Given: {text.Length} characters."));
        }
        else if (XmlText.FirstInvalid(text) is var at and >= 0)
        {
            errors.Add(new(property, "header_text", $"{property} must not contain characters XML cannot hold ({XmlText.CodePoint(text[at])} at character {at + 1})."));
        }
    }
}
