using Officina.Operations;

namespace Officina.PowerPoint.Tests.Verification;

public sealed class DeckVerifierTests
{
    [Fact]
    public async Task Verify_ReportsNothing_WhenSlidesAreFilledAndFit()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Acme 2024","bullets":[{"text":"Annual review"}]}""");
        deck.Run("""{"op":"add_slide","title":"Highlights","bullets":[{"text":"Revenue up 12%"},{"text":"Costs flat"}]}""");

        var report = await deck.VerifyAsync();

        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        Assert.Contains(report.Checks, c => c.StartsWith("schema:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReportsOverflow_WhenBulletsDoNotFit()
    {
        using var deck = Decks.Create();
        var bullets = string.Join(",", Enumerable.Range(1, 14).Select(i => $$"""{"text":"Point number {{i}} with a fairly long explanation that wraps onto a second line of the slide"}"""));
        deck.Run($$"""{"op":"add_slide","title":"Too much","bullets":[{{bullets}}]}""");

        var finding = Assert.Single((await deck.VerifyAsync()).Findings);

        Assert.Equal("text_overflow", finding.Code);
        Assert.StartsWith("slide 1: text overflows shape 'Content Placeholder 2'", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReportsOverflow_WhenTitleIsTooLongForItsBox()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Only","title":"A title so long that it wraps over three or four lines of forty-four point type and spills out of the title placeholder box at the top"}""");

        Assert.Contains((await deck.VerifyAsync()).Findings, f => f.Code == "text_overflow" && f.Message.Contains("'Title 1'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReportsEmptyPlaceholdersPromptTextAndShapesOffSlide()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Two Content","title":"Compare","bullets":[{"text":"Left"}]}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Click to add text"}],"x":100,"y":100,"width":100,"height":40}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Note"}],"x":900,"y":500,"width":120,"height":40,"name":"Stray"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Gone"}],"x":1000,"y":10,"width":50,"height":20,"name":"Lost"}""");

        var findings = (await deck.VerifyAsync()).Findings;

        Assert.Contains(findings, f => f.Code == "empty_placeholder" && f.ToString().StartsWith("slide 1: placeholder 'Content Placeholder 3' is empty", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "placeholder_text");
        Assert.Contains(findings, f => f.Code == "off_slide" && f.Severity == FindingSeverity.Warning && f.Message == "shape 'Stray' runs off the slide: 60 pt past the right edge");
        Assert.Contains(findings, f => f.Code == "off_slide" && f.Severity == FindingSeverity.Error && f.Message.Contains("'Lost' is entirely off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReportsOverflow_WhenFormattingMakesTextTaller_UntilItShrinks()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Blank"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"One"},{"text":"Two"},{"text":"Three"}],"x":100,"y":100,"width":300,"height":100,"name":"List"}""");
        Assert.Empty((await deck.VerifyAsync()).Findings);

        deck.Run("""{"op":"format_text","slide":1,"shape":"List","line_spacing":2,"space_after":6}""");
        Assert.Equal("text_overflow", Assert.Single((await deck.VerifyAsync()).Findings).Code);

        deck.Run("""{"op":"format_text","slide":1,"shape":"List","autofit":"shrink_text"}""");
        Assert.Empty((await deck.VerifyAsync()).Findings);
    }

    [Fact]
    public async Task Verify_ReportsTemplateFieldsLeftInShapesAndTables()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","title":"Results for {{quarter}}","bullets":[{"text":"Revenue grew"}]}""");
        deck.Run("""{"op":"add_table","slide":1,"rows":[["Region","Sales"],["North","[Insert figure]"]],"x":100,"y":300,"width":400,"height":80}""");

        var findings = (await deck.VerifyAsync()).Findings.Where(f => f.Code == "placeholder_text").ToList();

        Assert.Contains(findings, f => f.ToString() == "slide 1: shape 'Title 1' still holds template text \"{{quarter}}\": fill it (replace_text) or remove it");
        Assert.Contains(findings, f => f.Message.StartsWith("table '", StringComparison.Ordinal) && f.Message.Contains("\"[Insert figure]\"", StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }
}
