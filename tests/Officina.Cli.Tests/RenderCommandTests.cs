using System.IO.Compression;
using Officina.PowerPoint;
using UglyToad.PdfPig;

namespace Officina.Cli.Tests;

/// <summary><c>officina render</c>: PDF or PNG pages next to the input, by real LibreOffice and pdftoppm.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Render_WritesAPdfWithAPagePerSlide_NextToTheDeck()
    {
        var deck = Deck(3);

        var (exit, stdout, stderr) = await _cli.RunAsync("render", deck);

        Assert.True(exit == 0, stderr);
        var pdf = _cli.PathOf("deck.pdf");
        Assert.Contains($"Rendered 3 of 3 page(s) as PDF: {pdf}", stdout, StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(3, document.NumberOfPages);
        Assert.Contains("Slide 2", document.GetPage(2).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WritesAZipOfTheChosenPages_AsPngAtTheDpi()
    {
        var deck = Deck(3);
        var output = _cli.PathOf("slides.zip");

        var (exit, _, stderr) = await _cli.RunAsync("render", deck, "--png", "--pages", "2-3", "--dpi", "48", "-o", output);

        Assert.True(exit == 0, stderr);
        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(["page-02.png", "page-03.png"], zip.Entries.Select(e => e.Name));
        using var png = new BinaryReader(zip.Entries[0].Open());
        var header = png.ReadBytes(24);
        var width = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
        Assert.InRange(width, 639, 641); // a 13.333 in slide at 48 dpi
    }

    [Fact]
    public async Task Render_WritesAZipWithOnePng_WhenOutputEndsInZipAndThereIsOnePage()
    {
        var deck = Deck(1);
        var output = _cli.PathOf("one.zip");

        var (exit, stdout, stderr) = await _cli.RunAsync("render", deck, "-o", output);

        Assert.True(exit == 0, stderr);
        Assert.Contains("as PNG pages in a zip", stdout, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(output);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("page-01.png", entry.Name);
        using var png = new BinaryReader(entry.Open());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.ReadBytes(4));
    }

    [Fact]
    public async Task Render_RefusesAndWritesNothing_WhenOutputIsOnePngButThereAreSeveralPages()
    {
        var deck = Deck(2);
        var output = _cli.PathOf("slides.png");

        var (exit, _, stderr) = await _cli.RunAsync("render", deck, "--png", "--dpi", "36", "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains("a .png holds one page, but 2 pages were rendered", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Render_SaysWhichPagesExist_AndWritesNothing_WhenPagesReachPastTheEnd()
    {
        var deck = Deck(2);

        var (exit, _, stderr) = await _cli.RunAsync("render", deck, "--pages", "2-5");

        Assert.Equal(2, exit);
        Assert.Contains("asks for page 5, but the document has 2 page(s)", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("deck.pdf")));
    }

    [Theory]
    [InlineData("--pages", "3-1", "--pages")]
    [InlineData("--dpi", "2000", "--dpi")]
    public async Task Render_NamesTheBadOption_WhenItIsInvalid(string option, string value, string named)
    {
        var deck = Deck(1);

        var (exit, _, stderr) = await _cli.RunAsync("render", deck, "--png", option, value);

        Assert.Equal(2, exit);
        Assert.Contains($"[{named}]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_RefusesAFileThatIsNotAnOfficeDocument()
    {
        var text = _cli.Write("notes.txt", "just text");

        var (exit, _, stderr) = await _cli.RunAsync("render", text);

        Assert.Equal(2, exit);
        Assert.Contains("error:", stderr, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_cli.Folder));
    }

    public void Dispose() => _cli.Dispose();

    private string Deck(int slides)
    {
        using var deck = DeckSession.Create();
        var serializer = new Officina.Operations.PlanSerializer(PowerPointOperations.Catalog);
        for (var i = 1; i <= slides; i++)
        {
            var (operation, errors) = serializer.ReadOperation(Officina.Operations.DocumentHost.PowerPoint, "add_slide",
                System.Text.Json.Nodes.JsonNode.Parse($$"""{"layout":"Title Only","title":"Slide {{i}}"}""")!.AsObject());
            Assert.True(operation is not null, string.Join("; ", errors));
            Assert.True(deck.Execute(operation).Succeeded);
        }

        var path = _cli.PathOf("deck.pptx");
        File.WriteAllBytes(path, deck.ToArray());
        return path;
    }
}
