namespace Officina.PowerPoint.Tests.Operations;

public sealed class MoveSlideTests
{
    [Fact]
    public void Apply_MovesSlideForwardAndBack()
    {
        using var deck = Decks.WithSlides(4);

        deck.Run("""{"op":"move_slide","slide":1,"to":3}""");
        Assert.Equal(["Slide 2", "Slide 3", "Slide 1", "Slide 4"], Enumerable.Range(1, 4).Select(deck.Title));
        deck.Run("""{"op":"move_slide","slide":4,"to":1}""");

        Assert.Equal(["Slide 4", "Slide 2", "Slide 3", "Slide 1"], Enumerable.Range(1, 4).Select(deck.Reopen().Title));
    }

    [Fact]
    public void Validate_ReturnsError_WhenTargetOutOfRange()
    {
        using var deck = Decks.WithSlides(2);

        Assert.Equal("to", Assert.Single(deck.Fail("""{"op":"move_slide","slide":1,"to":3}""")).Path);
    }
}
