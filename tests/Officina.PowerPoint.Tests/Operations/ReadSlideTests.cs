namespace Officina.PowerPoint.Tests.Operations;

public sealed class ReadSlideTests
{
    [Fact]
    public void Read_ShowsShapesWithIdsGeometryTextAndNotes()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","title":"Revenue","bullets":[{"text":"Up 12%"},{"text":"Europe led","level":2}],"notes":"Mention Q4."}""");

        var text = deck.Run("""{"op":"read_slide","slide":1}""").Observation!.Text;

        Assert.Contains("- shape 2 'Title 1' (title) x=43.2 y=44.6 w=873.6 h=68.4:\n  Revenue", text, StringComparison.Ordinal);
        Assert.Contains("- shape 3 'Content Placeholder 2' (body)", text, StringComparison.Ordinal);
        Assert.Contains("Up 12%\n  Europe led", text, StringComparison.Ordinal);
        Assert.Contains("Notes:\n  Mention Q4.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReturnsError_WhenSlideDoesNotExist()
    {
        using var deck = Decks.WithSlides(2);

        var error = Assert.Single(deck.Fail("""{"op":"read_slide","slide":3}"""));

        Assert.Equal("slide", error.Path);
        Assert.Contains("from 1 to 2", error.Message, StringComparison.Ordinal);
    }
}
