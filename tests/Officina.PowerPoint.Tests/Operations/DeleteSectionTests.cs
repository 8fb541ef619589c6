using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class DeleteSectionTests
{
    [Fact]
    public void Apply_MovesTheSlidesIntoTheSectionBefore_OrAfterForTheFirst()
    {
        using var deck = Decks.WithSlides(4);
        deck.Run("""{"op":"add_section","name":"B","slide":2}""");
        deck.Run("""{"op":"add_section","name":"C","slide":4}""");

        var change = deck.Run("""{"op":"delete_section","section":"B"}""").Change!;
        deck.Run("""{"op":"delete_section","section":"Default Section"}""");
        using var reopened = deck.Reopen();

        Assert.Equal(["C: 1, 2, 3, 4"], AddSectionTests.Sections(reopened));
        Assert.Equal("Removed section 'B'; its 2 slide(s) joined section 'Default Section'", change.Summary);
    }

    [Fact]
    public void Apply_DropsTheSectionListWithTheLastSection()
    {
        using var deck = Decks.WithSlides(2);
        deck.Run("""{"op":"add_section","name":"Only","slide":1}""");

        deck.Run("""{"op":"delete_section","section":"Only"}""");
        using var reopened = deck.Reopen();

        Assert.Null(SlideSections.Of(reopened.Presentation));
        Assert.Null(reopened.Presentation.PresentationExtensionList);
        Assert.Equal("section_exists", Assert.Single(reopened.Fail("""{"op":"delete_section","section":"Only"}""")).Rule);
    }
}
