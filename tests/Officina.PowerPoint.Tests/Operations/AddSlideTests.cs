using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class AddSlideTests
{
    [Fact]
    public void Apply_AddsTitleBulletsWithLevelsAndNotes_WhenReopened()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"title and content","title":"Revenue","bullets":[{"text":"Up 12%"},{"text":"Europe led","level":2},{"text":"Costs flat"}],"notes":"Mention Q4."}""");

        using var reopened = deck.Reopen();

        Assert.Equal("Revenue", reopened.Title(1));
        var body = ShapeText.Body(reopened.Shape(1, "Content Placeholder 2"))!;
        Assert.Equal(["Up 12%", "Europe led", "Costs flat"], body.Elements<A.Paragraph>().Select(ShapeText.Of));
        Assert.Equal([1, 2, 1], body.Elements<A.Paragraph>().Select(ShapeText.LevelOf));
        Assert.Equal("Mention Q4.", SlideNotes.Text(reopened.Slide(1)));
        Assert.Equal("Title and Content", DeckSession.LayoutName(reopened.Slide(1).SlideLayoutPart!));
    }

    [Fact]
    public void Apply_PutsBulletsInSubtitle_OnTitleSlide()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Acme 2024","bullets":[{"text":"Annual review"}]}""");

        using var reopened = deck.Reopen();

        Assert.Equal("Annual review", ShapeText.Text(reopened.Shape(1, "Subtitle 2")));
    }

    [Fact]
    public void Apply_InsertsAtPosition()
    {
        using var deck = Decks.WithSlides(2);
        deck.Run("""{"op":"add_slide","title":"First","position":1}""");

        Assert.Equal(["First", "Slide 1", "Slide 2"], Enumerable.Range(1, 3).Select(deck.Title));
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenLayoutUnknownOrLevelOutOfRange()
    {
        using var deck = Decks.Create();

        var errors = deck.Fail("""{"op":"add_slide","layout":"Fancy","bullets":[{"text":"x","level":12}],"position":3}""");

        Assert.Contains(errors, e => e.Path == "layout" && e.Message.Contains("'Title Slide'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "bullets[0].level");
        Assert.Contains(errors, e => e.Path == "position");
    }

    [Fact]
    public void Validate_ReturnsError_WhenLayoutHasNoBody()
    {
        using var deck = Decks.Create();

        var error = Assert.Single(deck.Fail("""{"op":"add_slide","layout":"Title Only","title":"T","bullets":[{"text":"x"}]}"""));

        Assert.Equal("bullets", error.Path);
    }
}
