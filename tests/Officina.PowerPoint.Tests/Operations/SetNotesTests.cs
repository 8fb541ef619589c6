using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class SetNotesTests
{
    [Fact]
    public void Apply_AddsNotesPage_ThenReplacesNotes()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"set_notes","slide":1,"text":"First\nSecond"}""");
        deck.Run("""{"op":"set_notes","slide":1,"text":"Only this"}""");
        using var reopened = deck.Reopen();

        Assert.Equal("Only this", SlideNotes.Text(reopened.Slide(1)));
        Assert.NotNull(reopened.Slide(1).NotesSlidePart!.NotesMasterPart);
    }

    [Fact]
    public void Validate_ReturnsError_WhenSlideMissing()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal("slide", Assert.Single(deck.Fail("""{"op":"set_notes","slide":0,"text":"x"}""")).Path);
    }
}
