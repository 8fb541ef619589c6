using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class SetFooterTests
{
    private static List<string?> Footers(DeckSession deck, int slide) =>
        [.. SlideShapes.TopLevel(deck.Slide(slide)).Select(SlideShapes.PlaceholderType).Where(t => t is "dt" or "ftr" or "sldNum").Order()];

    [Fact]
    public void Apply_ClonesTheLayoutsPlaceholdersOntoEverySlide_ExceptTitleSlides_AndSetsTheMastersFlags()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Deck"}""");
        deck.Run("""{"op":"add_slide","title":"One"}""");
        deck.Run("""{"op":"add_slide","layout":"Blank"}""");

        var change = deck.Run("""{"op":"set_footer","footer":"Confidential","slide_number":true,"date":true,"date_text":"June 2026","skip_title_slides":true}""").Change!;
        using var reopened = deck.Reopen();

        Assert.Empty(Footers(reopened, 1));
        Assert.Equal(["dt", "ftr", "sldNum"], Footers(reopened, 2));
        Assert.Equal(["dt", "ftr", "sldNum"], Footers(reopened, 3));
        var slide = reopened.Slide(2);
        var footer = SlideShapes.TopLevel(slide).Single(s => SlideShapes.PlaceholderType(s) == "ftr");
        Assert.Equal("Confidential", ShapeText.Text(footer));
        Assert.Equal(11u, SlideShapes.Placeholder(footer)!.Index!.Value);
        Assert.Null(((P.Shape)footer).ShapeProperties!.Transform2D);
        Assert.NotNull(SlideShapes.Geometry(slide, footer));
        var number = SlideShapes.TopLevel(slide).Single(s => SlideShapes.PlaceholderType(s) == "sldNum");
        var field = number.Descendants<A.Field>().Single();
        Assert.Equal(("slidenum", "2"), (field.Type!.Value, field.Text!.Text));
        Assert.Equal("June 2026", ShapeText.Text(SlideShapes.TopLevel(slide).Single(s => SlideShapes.PlaceholderType(s) == "dt")));
        var flags = reopened.PresentationPart.SlideMasterParts.Single().SlideMaster.HeaderFooter!;
        Assert.True(flags.SlideNumber!.Value && flags.Footer!.Value && flags.DateTime!.Value);
        Assert.Equal("Set the footer of every slide (not on title slide(s) 1): footer 'Confidential', slide numbers, date 'June 2026'", change.Summary);
    }

    [Fact]
    public void Apply_UpdatesExistingPlaceholders_AndHidesItemsOnListedSlides()
    {
        using var deck = Decks.WithSlides(3);
        deck.Run("""{"op":"set_footer","footer":"Draft","slide_number":true,"date":true}""");
        Assert.Equal("datetime1", deck.Slide(1).Slide.Descendants<A.Field>().Single(f => f.Type!.Value != "slidenum").Type!.Value);

        deck.Run("""{"op":"set_footer","footer":"Final","slides":[2]}""");
        deck.Run("""{"op":"set_footer","slide_number":false,"date":false,"slides":[3,1]}""");
        using var reopened = deck.Reopen();

        Assert.Equal(["ftr"], Footers(reopened, 1));
        Assert.Equal("Final", ShapeText.Text(SlideShapes.TopLevel(reopened.Slide(2)).Single(s => SlideShapes.PlaceholderType(s) == "ftr")));
        Assert.Equal("Draft", ShapeText.Text(SlideShapes.TopLevel(reopened.Slide(3)).Single(s => SlideShapes.PlaceholderType(s) == "ftr")));
        Assert.Single(SlideShapes.TopLevel(reopened.Slide(2)), s => SlideShapes.PlaceholderType(s) == "ftr");
    }

    [Fact]
    public void Validate_ReturnsErrors_AndChangesNothing()
    {
        using var deck = Decks.WithSlides(2);
        var before = deck.Slide(1).Slide.OuterXml;

        Assert.Equal("footer_required", Assert.Single(deck.Fail("""{"op":"set_footer","slides":[1]}""")).Rule);
        Assert.Equal(("slides[1]", "slide_exists"), deck.Fail("""{"op":"set_footer","footer":"x","slides":[1,5]}""").Select(e => (e.Path, e.Rule)).Single());
        Assert.Equal("date_shown", Assert.Single(deck.Fail("""{"op":"set_footer","date":false,"date_text":"May"}""")).Rule);
        Assert.Equal("slides_required", Assert.Single(deck.Fail("""{"op":"set_footer","footer":"x","slides":[]}""")).Rule);
        var master = deck.PresentationPart.SlideMasterParts.Single().SlideMaster.CommonSlideData!.ShapeTree!;
        foreach (var layout in deck.Layouts)
        {
            SlideShapes.All(layout.SlideLayout.CommonSlideData!.ShapeTree).Where(s => SlideShapes.PlaceholderType(s) == "sldNum").ToList().ForEach(s => s.Remove());
        }

        SlideShapes.All(master).Where(s => SlideShapes.PlaceholderType(s) == "sldNum").ToList().ForEach(s => s.Remove());
        Assert.Equal("footer_placeholder", deck.Fail("""{"op":"set_footer","slide_number":true}""").Select(e => e.Rule).Distinct().Single());
        Assert.Equal(before, deck.Slide(1).Slide.OuterXml);
    }
}
