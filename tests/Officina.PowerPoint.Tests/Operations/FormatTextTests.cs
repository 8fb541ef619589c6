using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class FormatTextTests
{
    [Fact]
    public void Apply_FormatsEveryRunOfAShape()
    {
        using var deck = Decks.WithSlides(1);

        var change = deck.Run("""{"op":"format_text","slide":1,"shape":"Title 1","font":"Georgia","size":40,"color":"accent2","bold":true,"italic":true,"underline":true,"strike":true}""").Change!;
        using var reopened = deck.Reopen();

        var properties = Runs(reopened, "Title 1").Single().RunProperties!;
        Assert.True(properties.Bold!.Value);
        Assert.True(properties.Italic!.Value);
        Assert.Equal(A.TextUnderlineValues.Single, properties.Underline!.Value);
        Assert.Equal(A.TextStrikeValues.SingleStrike, properties.Strike!.Value);
        Assert.Equal(4000, properties.FontSize!.Value);
        Assert.Equal(A.SchemeColorValues.Accent2, properties.GetFirstChild<A.SolidFill>()!.SchemeColor!.Val!.Value);
        Assert.Equal("Georgia", properties.GetFirstChild<A.LatinFont>()!.Typeface!.Value);
        Assert.Equal("Formatted the text of 'Title 1' on slide 1: font Georgia, 40 pt, colour accent2, bold, italic, underlined, struck through", change.Summary);
    }

    [Fact]
    public void Apply_SetsThemeFont_WithItsComplexScriptTwin()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"format_text","slide":1,"shape":"Content Placeholder 2","font":"+mj-lt"}""");

        var properties = Runs(deck.Reopen(), "Content Placeholder 2").Single().RunProperties!;
        Assert.Equal("+mj-lt", properties.GetFirstChild<A.LatinFont>()!.Typeface!.Value);
        Assert.Equal("+mj-cs", properties.GetFirstChild<A.ComplexScriptFont>()!.Typeface!.Value);
    }

    [Fact]
    public void Apply_FormatsOnlyTheMatch_SplittingRunsAndKeepingTheRest()
    {
        using var deck = Decks.WithSlides(1);
        Paragraph(deck, "Title 1", new A.Run(new A.RunProperties { Italic = true }, new A.Text("Revenue grew 12% in Q3")));

        deck.Run("""{"op":"format_text","slide":1,"shape":"Title 1","match":"12%","bold":true,"color":"#c00000","highlight":"FFFF00"}""");
        using var reopened = deck.Reopen();

        var runs = Runs(reopened, "Title 1");
        Assert.Equal(["Revenue grew ", "12%", " in Q3"], runs.Select(r => r.Text!.Text));
        Assert.All(runs, r => Assert.True(r.RunProperties!.Italic!.Value));
        Assert.Null(runs[0].RunProperties!.Bold);
        Assert.Null(runs[2].RunProperties!.Bold);
        var match = runs[1].RunProperties!;
        Assert.True(match.Bold!.Value);
        Assert.Equal("C00000", match.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!.Val!.Value);
        Assert.Equal("FFFF00", match.GetFirstChild<A.Highlight>()!.GetFirstChild<A.RgbColorModelHex>()!.Val!.Value);
    }

    [Fact]
    public void Apply_FormatsAMatchSpanningRuns_OnEverySlide()
    {
        using var deck = Decks.WithSlides(2);
        Paragraph(deck, "Title 1",
            new A.Run(new A.RunProperties { Bold = true }, new A.Text("Acme Cor")),
            new A.Run(new A.RunProperties(), new A.Text("p results")));

        var change = deck.Run("""{"op":"format_text","match":"point","match_case":false,"size":20}""").Change!;
        deck.Run("""{"op":"format_text","slide":1,"match":"Corp","underline":true}""");
        using var reopened = deck.Reopen();

        Assert.Equal("Formatted 2 occurrence(s) of 'point' on slide(s) 1, 2: 20 pt", change.Summary);
        Assert.Equal(2000, Runs(reopened, "Content Placeholder 2", 2).Single(r => r.Text!.Text == "Point").RunProperties!.FontSize!.Value);
        var title = Runs(reopened, "Title 1");
        Assert.Equal(["Acme ", "Cor", "p", " results"], title.Select(r => r.Text!.Text));
        Assert.Equal([null, A.TextUnderlineValues.Single, A.TextUnderlineValues.Single, null], title.Select(r => r.RunProperties?.Underline?.Value));
        Assert.True(title[1].RunProperties!.Bold!.Value);
        Assert.Null(title[2].RunProperties!.Bold);
    }

    [Fact]
    public void Apply_FormatsChosenParagraphs_AlignmentSpacingAndBullets()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"set_text","slide":1,"shape":"Content Placeholder 2","paragraphs":[{"text":"One"},{"text":"Two"},{"text":"Three"}]}""");

        deck.Run("""{"op":"format_text","slide":1,"shape":"Content Placeholder 2","paragraphs":[2,3],"alignment":"center","line_spacing":1.5,"space_before":6,"space_after":3,"bullets":"none"}""");
        using var reopened = deck.Reopen();

        var paragraphs = ShapeText.Body(reopened.Shape(1, "Content Placeholder 2"))!.Elements<A.Paragraph>().ToList();
        Assert.Null(paragraphs[0].ParagraphProperties?.Alignment);
        foreach (var properties in paragraphs.Skip(1).Select(p => p.ParagraphProperties!))
        {
            Assert.Equal(A.TextAlignmentTypeValues.Center, properties.Alignment!.Value);
            Assert.Equal(150000, properties.LineSpacing!.SpacingPercent!.Val!.Value);
            Assert.Equal(600, properties.SpaceBefore!.SpacingPoints!.Val!.Value);
            Assert.Equal(300, properties.SpaceAfter!.SpacingPoints!.Val!.Value);
            Assert.NotNull(properties.GetFirstChild<A.NoBullet>());
            Assert.Equal((0, 0), (properties.LeftMargin!.Value, properties.Indent!.Value));
        }
    }

    [Fact]
    public void Apply_NumbersTextBoxParagraphs_AtTheirLevelWithHangingIndent()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"First"},{"text":"Second"}],"x":40,"y":300,"width":400,"height":120,"name":"Steps"}""");

        deck.Run("""{"op":"format_text","slide":1,"shape":"Steps","bullets":"numbered"}""");
        deck.Run("""{"op":"format_text","slide":1,"shape":"Steps","paragraphs":[2],"level":2}""");
        using var reopened = deck.Reopen();

        var paragraphs = ShapeText.Body(reopened.Shape(1, "Steps"))!.Elements<A.Paragraph>().Select(p => p.ParagraphProperties!).ToList();
        Assert.All(paragraphs, p => Assert.Equal(A.TextAutoNumberSchemeValues.ArabicPeriod, p.GetFirstChild<A.AutoNumberedBullet>()!.Type!.Value));
        Assert.Equal((342900, -342900), (paragraphs[0].LeftMargin!.Value, paragraphs[0].Indent!.Value));
        Assert.Equal(1, paragraphs[1].Level!.Value);
        Assert.Equal(457200 + 342900, paragraphs[1].LeftMargin!.Value);
    }

    [Fact]
    public void Apply_SetsAutofitAnchorAndWrap_ShrinkingOverflowingText()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"A long sentence that cannot possibly fit in this small box at this size, and keeps going for a while longer."}],"x":40,"y":300,"width":200,"height":40,"font_size":24,"name":"Note"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Grow me: this text needs three or four lines at this size."}],"x":300,"y":300,"width":200,"height":30,"font_size":20,"name":"Grow"}""");

        deck.Run("""{"op":"format_text","slide":1,"shape":"Note","autofit":"shrink_text","vertical_alignment":"middle","word_wrap":true}""");
        deck.Run("""{"op":"format_text","slide":1,"shape":"Grow","autofit":"resize_shape"}""");
        using var reopened = deck.Reopen();

        var note = ShapeText.Body(reopened.Shape(1, "Note"))!.BodyProperties!;
        Assert.Equal(A.TextAnchoringTypeValues.Center, note.Anchor!.Value);
        Assert.Equal(A.TextWrappingValues.Square, note.Wrap!.Value);
        Assert.InRange(note.GetFirstChild<A.NormalAutoFit>()!.FontScale!.Value, 25000, 92500);
        Assert.NotNull(ShapeText.Body(reopened.Shape(1, "Grow"))!.BodyProperties!.GetFirstChild<A.ShapeAutoFit>());
        Assert.True(SlideShapes.Geometry(reopened.Slide(1), reopened.Shape(1, "Grow"))!.Value.Height > 30 * 12700);
    }

    [Fact]
    public void Apply_FormatsEveryCellOfATable()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["Region","Units"],["North","1,200"]],"x":40,"y":300,"width":400,"height":80}""");

        deck.Run("""{"op":"format_text","slide":1,"shape":"Table 3","size":12,"alignment":"right"}""");
        using var reopened = deck.Reopen();

        var table = reopened.Shape(1, "Table 3");
        Assert.All(table.Descendants<A.Run>(), r => Assert.Equal(1200, r.RunProperties!.FontSize!.Value));
        Assert.All(table.Descendants<A.Paragraph>(), p => Assert.Equal(A.TextAlignmentTypeValues.Right, p.ParagraphProperties!.Alignment!.Value));
    }

    [Fact]
    public void Validate_ReturnsErrorsWithPaths_AndWritesNothing()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("logo.png", () => new MemoryStream(Decks.Png(20, 20)));
        deck.Run("""{"op":"add_image","slide":1,"source":"logo.png","x":10,"y":10,"width":20}""");
        var before = deck.Slide(1).Slide.OuterXml;

        Assert.Equal("shape_exists", Assert.Single(deck.Fail("""{"op":"format_text","slide":1,"shape":"Nope","bold":true}""")).Rule);
        Assert.Equal("slide_exists", Assert.Single(deck.Fail("""{"op":"format_text","slide":4,"match":"Point","bold":true}""")).Rule);
        Assert.Equal("shape_has_text", Assert.Single(deck.Fail("""{"op":"format_text","slide":1,"shape":"Picture 3","bold":true}""")).Rule);
        Assert.Equal("text_found", Assert.Single(deck.Fail("""{"op":"format_text","slide":1,"match":"point","bold":true}""")).Rule);
        Assert.Equal("target_required", Assert.Single(deck.Fail("""{"op":"format_text","bold":true}""")).Rule);
        Assert.Equal("format_required", Assert.Single(deck.Fail("""{"op":"format_text","slide":1,"shape":"Title 1"}""")).Rule);
        var errors = deck.Fail("""{"op":"format_text","slide":1,"shape":"Title 1","paragraphs":[0,2],"color":"blue","size":0,"highlight":"#12345","level":10}""");
        Assert.Equal(["size", "color", "highlight", "level", "paragraphs[0]", "paragraphs[1]"], errors.Select(e => e.Path));
        Assert.Contains("Given: 'blue'", errors[1].Message, StringComparison.Ordinal);

        Assert.Equal(before, deck.Slide(1).Slide.OuterXml);
        Assert.Equal(["add_slide", "add_image"], deck.Changes.Select(c => c.Op));
    }

    private static List<A.Run> Runs(DeckSession deck, string shape, int slide = 1) =>
        [.. ShapeText.Body(deck.Shape(slide, shape))!.Descendants<A.Run>()];

    private static void Paragraph(DeckSession deck, string shape, params A.Run[] runs)
    {
        var paragraph = ShapeText.Body(deck.Shape(1, shape))!.GetFirstChild<A.Paragraph>()!;
        paragraph.RemoveAllChildren();
        paragraph.Append(runs);
    }
}
