using Officina.Cli;
using Officina.Excel;
using Officina.Operations;
using Officina.PowerPoint;
using Officina.PowerPoint.Deck;

namespace Officina.Reports.Tests;

/// <summary>Runs each template under templates/ through the command, so they cannot rot.</summary>
public sealed class ShippedTemplateTests : IDisposable
{
    private readonly Fixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Report_WritesEveryInvoice_WithItsTableAndTotals()
    {
        var (exit, stdout, stderr) = await Cli("report", Fixtures.Shipped("invoice/invoice.docx"), "--data", Fixtures.Shipped("invoice/data.json"),
            "--plan", Fixtures.Shipped("invoice/plan.json"), "--out", _files.Path("invoices"), "--name", "{{invoice_number}}");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Wrote 3 of 3", stdout, StringComparison.Ordinal);
        Assert.Contains("[3/3] INV-2026-0143.docx: ok", stderr, StringComparison.Ordinal);
        var text = Fixtures.WordText(_files.Path("invoices/INV-2026-0142.docx"));
        Assert.Contains("Total due: 5,362.40 EUR", text, StringComparison.Ordinal);
        Assert.Contains("Reporting automation (fixed fee)", text, StringComparison.Ordinal);
        Assert.Contains("Dear Herr Becker,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WritesEveryMonth_WithComputedProfitAndChart()
    {
        var zip = _files.Path("kpis.zip");
        var (exit, _, _) = await Cli("report", Fixtures.Shipped("monthly-kpis/monthly-kpis.xlsx"), "--data", Fixtures.Shipped("monthly-kpis/data.csv"),
            "--plan", Fixtures.Shipped("monthly-kpis/plan.json"), "--out", zip, "--name", "kpis-{{month}}");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(["kpis-January 2026.xlsx", "kpis-February 2026.xlsx", "kpis-March 2026.xlsx"], Fixtures.ZipEntries(zip));
        System.IO.Compression.ZipFile.ExtractToDirectory(zip, _files.Path("kpis"));
        using var book = WorkbookSession.Open(_files.Path("kpis/kpis-March 2026.xlsx"));
        var sheet = book.Sheet("KPIs")!;
        Assert.Equal(CellValue.FromNumber(52450), sheet.ValueOf(sheet.FindCell(5, 2)));
        Assert.Equal(CellValue.FromNumber(201350), sheet.ValueOf(sheet.FindCell(7, 5)));
        Assert.Equal(CellValue.FromBoolean(true), sheet.ValueOf(sheet.FindCell(9, 2)));
        Assert.Single(sheet.Part.DrawingsPart!.ChartParts);
    }

    [Fact]
    public async Task Report_WritesEveryClientReview_WithFilledSlidesNotesAndChart()
    {
        var (exit, _, stderr) = await Cli("report", Fixtures.Shipped("client-review/client-review.pptx"), "--data", Fixtures.Shipped("client-review/data.json"),
            "--plan", Fixtures.Shipped("client-review/plan.json"), "--out", _files.Path("reviews"), "--name", "review-{{client}}");

        Assert.True(exit == ExitCodes.Ok, stderr);
        using var deck = DeckSession.Open(_files.Path("reviews/review-Tailspin Toys.pptx"));
        var slides = deck.Slides.Select(s => string.Join("\n", s.Slide!.Descendants<DocumentFormat.OpenXml.Drawing.Text>().Select(t => t.Text))).ToList();
        Assert.Contains("Tailspin Toys", slides[0], StringComparison.Ordinal);
        Assert.Contains("Revenue 2,045,000 USD, +21% on the quarter before", slides[1], StringComparison.Ordinal);
        Assert.Contains("Next review: 9 January 2027", slides[1], StringComparison.Ordinal);
        Assert.All(slides, text => Assert.DoesNotContain("{{", text, StringComparison.Ordinal));
        Assert.Equal("Account lead: Maya Okafor", SlideNotes.Text(deck.Slides[1]));
        var chart = Assert.Single(deck.Slides[2].ChartParts);
        Assert.Contains("758000", chart.ChartSpace.InnerText, StringComparison.Ordinal);
        Assert.Contains("Revenue (USD)", chart.ChartSpace.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientReviewDeck_IsWhatItsRecipeMakes()
    {
        using var made = DeckSession.Create();
        var plan = new PlanSerializer(PowerPointOperations.Catalog).Read(File.ReadAllText(Fixtures.Shipped("client-review/make-deck.json")));
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        Assert.True(PlanRunner.Apply(made, plan.Plan!, null, CancellationToken.None).Succeeded);
        using var shipped = DeckSession.Open(Fixtures.Shipped("client-review/client-review.pptx"));

        Assert.Equal(Texts(made), Texts(shipped));

        static List<string> Texts(DeckSession deck) => [.. deck.Slides.Select(s =>
            string.Join("|", s.Slide!.Descendants<DocumentFormat.OpenXml.Drawing.Text>().Select(t => t.Text)) + " / notes: " + SlideNotes.Text(s))];
    }

    [Fact]
    public async Task Report_ExitsInvalid_WhenARecordFailsAndWritesTheOthers()
    {
        var data = _files.File("d.json", """[{"invoice_number":"A-1"},{"nothing":1}]""");
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"No. {{invoice_number}}"}""");

        var (exit, stdout, _) = await Cli("report", template, "--data", data, "--out", _files.Path("out"), "--json");

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("\"failed\": 1", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_files.Path("out/report-0001.docx")));
    }

    [Fact]
    public async Task Report_ExitsInvalid_WhenTheTemplateIsNotAnOfficeFile()
    {
        var (exit, _, stderr) = await Cli("report", _files.File("t.docx", "plain"), "--data", _files.File("d.csv", "a\n1\n"), "--out", _files.Path("out"));

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_files.Path("out")));
    }

    [Fact]
    public async Task Help_ListsTheReportCommand()
    {
        var (_, stdout, _) = await Cli("--help");

        Assert.Contains("report", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OfficinaCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
