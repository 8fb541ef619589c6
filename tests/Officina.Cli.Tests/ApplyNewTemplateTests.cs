using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint;
using Officina.PowerPoint.Deck;

namespace Officina.Cli.Tests;

/// <summary><c>officina apply --new deck.pptx --template T PLAN</c>: a new deck on a company template's masters, layouts and theme.</summary>
public sealed class ApplyNewTemplateTests : IDisposable
{
    private const string Plan = """{ "host": "powerpoint", "operations": [ { "op": "add_slide", "layout": "Title and Content", "title": "Margins held" } ] }""";
    private readonly CliRun _cli = new();

    [Fact]
    public async Task ApplyNew_BuildsOnAPotxTemplate_DroppingItsSlides()
    {
        var template = _cli.PathOf("brand.potx");
        using (var brand = DeckSession.Create(DeckDesign.DarkSlate))
        {
            brand.Execute(new Officina.PowerPoint.Operations.AddSlide("Title Slide", "Template cover"));
            File.WriteAllBytes(template, brand.ToArray());
        }

        using (var potx = PresentationDocument.Open(template, true))
        {
            potx.ChangeDocumentType(PresentationDocumentType.Template);
        }

        var output = _cli.PathOf("deck.pptx");
        var (exit, stdout, stderr) = await _cli.RunAsync("apply", "--new", output, _cli.Write("plan.json", Plan), "--template", template);

        Assert.True(exit == 0, stderr + stdout);
        using var made = DeckSession.Open(output);
        Assert.Equal(PresentationDocumentType.Presentation, made.Document.DocumentType);
        Assert.Equal(["Margins held"], made.Slides.Select(s => ShapeText.Text(SlideTitle.Find(s, made.SlideSize.Height)!.Value.Shape)));
        var scheme = made.PresentationPart.SlideMasterParts.Single().ThemePart!.Theme.ThemeElements!.ColorScheme!;
        Assert.Equal("0F1724", scheme.Dark1Color!.RgbColorModelHex!.Val!.Value);
    }

    [Fact]
    public async Task ApplyNew_UsesABuiltInDesign_ByName()
    {
        var output = _cli.PathOf("deck.pptx");

        var (exit, stdout, stderr) = await _cli.RunAsync("apply", "--new", output, _cli.Write("plan.json", Plan), "--template", "consulting");

        Assert.True(exit == 0, stderr + stdout);
        using var made = DeckSession.Open(output);
        Assert.Equal("Cambria", made.PresentationPart.SlideMasterParts.Single().ThemePart!.Theme.ThemeElements!.FontScheme!.MajorFont!.LatinFont!.Typeface!.Value);
    }

    [Theory]
    [InlineData("not-a-deck.potx", "plain text")]
    [InlineData("missing.potx", null)]
    public async Task ApplyNew_ExitsInvalid_WhenTheTemplateIsBad(string name, string? content)
    {
        var template = content is null ? _cli.PathOf(name) : _cli.Write(name, content);

        var (exit, _, stderr) = await _cli.RunAsync("apply", "--new", _cli.PathOf("deck.pptx"), _cli.Write("plan.json", Plan), "--template", template);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("deck.pptx")));
    }

    [Fact]
    public async Task ApplyNew_ExitsInvalid_WhenATemplateIsGivenForAWorkbook()
    {
        var (exit, _, stderr) = await _cli.RunAsync("apply", "--new", _cli.PathOf("book.xlsx"),
            _cli.Write("plan.json", """{ "host": "excel", "operations": [] }"""), "--template", "corporate");

        Assert.Equal(2, exit);
        Assert.Contains("--template", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
