using Officina.Operations;

namespace Officina.PowerPoint.Tests.Inspection;

public sealed class DeckDigestTests
{
    [Fact]
    public void Inspect_ShowsLayoutsSlidesShapesAndNotes()
    {
        using var deck = DeckSession.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Acme 2024","bullets":[{"text":"Annual review"}],"notes":"Welcome everyone."}""");
        deck.Run("""{"op":"add_slide","layout":"Two Content","title":"Compare"}""");

        var digest = deck.Inspect();

        Assert.StartsWith("Deck: 2 slide(s), 960 × 540 pt.", digest, StringComparison.Ordinal);
        Assert.Contains("Layouts: 'Title Slide', 'Title and Content', 'Section Header', 'Two Content', 'Title Only', 'Blank'", digest, StringComparison.Ordinal);
        Assert.Contains("Slide 1 (layout 'Title Slide'): \"Acme 2024\"", digest, StringComparison.Ordinal);
        Assert.Contains("  - shape 3 'Subtitle 2' subtitle at 120,283.6 size 720×130.4: \"Annual review\"", digest, StringComparison.Ordinal);
        Assert.Contains("  notes: \"Welcome everyone.\"", digest, StringComparison.Ordinal);
        Assert.Contains("  - shape 4 'Content Placeholder 3' body at 486,143.8 size 408×342.6 (empty placeholder)", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_StaysWithinBudget_WhenDeckIsLarge()
    {
        using var deck = DeckSession.Create();
        for (var i = 0; i < 60; i++)
        {
            deck.Run($$"""{"op":"add_slide","title":"Slide {{i}} about a topic","bullets":[{"text":"{{string.Concat(Enumerable.Repeat("word ", 80))}}"}]}""");
        }

        var digest = deck.Inspect(1500);

        Assert.True(TokenCounter.Count(digest) <= 1500);
        Assert.Contains("Slide 1 (layout 'Title and Content')", digest, StringComparison.Ordinal);
    }
}
