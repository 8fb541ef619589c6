using DocumentFormat.OpenXml.Packaging;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class DeleteSlideTests
{
    [Fact]
    public void Apply_RemovesSlideAndItsParts_WhenReopened()
    {
        using var deck = Decks.WithSlides(3);
        deck.Run("""{"op":"set_notes","slide":2,"text":"Gone soon"}""");
        deck.Run("""{"op":"add_chart","slide":2,"kind":"pie","categories":["A","B"],"series":[{"name":"S","values":[1,2]}]}""");

        deck.Run("""{"op":"delete_slide","slide":2}""");
        using var reopened = deck.Reopen();

        Assert.Equal(["Slide 1", "Slide 3"], Enumerable.Range(1, 2).Select(reopened.Title));
        Assert.Empty(reopened.Document.GetAllParts().OfType<DocumentFormat.OpenXml.Packaging.NotesSlidePart>());
        Assert.Empty(reopened.Document.GetAllParts().OfType<DocumentFormat.OpenXml.Packaging.ChartPart>());
    }

    [Fact]
    public void Validate_ReturnsError_WhenDeckHasNoSlides()
    {
        using var deck = Decks.Create();

        Assert.Contains("no slides yet", Assert.Single(deck.Fail("""{"op":"delete_slide","slide":1}""")).Message, StringComparison.Ordinal);
    }
}
