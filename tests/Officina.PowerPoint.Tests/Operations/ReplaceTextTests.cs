using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class ReplaceTextTests
{
    [Fact]
    public void Apply_ReplacesAcrossRuns_KeepingFirstRunFormatting()
    {
        using var deck = Decks.WithSlides(1);
        var body = ShapeText.Body(deck.Shape(1, "Title 1"))!;
        var paragraph = body.GetFirstChild<A.Paragraph>()!;
        paragraph.RemoveAllChildren();
        paragraph.Append(
            new A.Run(new A.RunProperties { Bold = true }, new A.Text("Acme Cor")),
            new A.Run(new A.RunProperties { Italic = true }, new A.Text("p results")));

        deck.Run("""{"op":"replace_text","find":"Acme Corp","replace":"Globex"}""");
        using var reopened = deck.Reopen();

        var runs = ShapeText.Body(reopened.Shape(1, "Title 1"))!.Descendants<A.Run>().ToList();
        Assert.Equal("Globex results", string.Concat(runs.Select(r => r.Text!.Text)));
        Assert.True(runs[0].RunProperties!.Bold!.Value);
        Assert.Equal(" results", runs[1].Text!.Text);
    }

    [Fact]
    public void Apply_ReplacesInTablesAndOnlyOnGivenSlide()
    {
        using var deck = Decks.WithSlides(2);
        deck.Run("""{"op":"add_table","slide":2,"rows":[["Point 2 cell"]],"x":10,"y":400}""");

        var change = deck.Run("""{"op":"replace_text","find":"point","replace":"Item","slide":2,"match_case":false}""").Change!;
        using var reopened = deck.Reopen();

        Assert.Equal(2, change.Count);
        Assert.Contains("Point 1", reopened.AllText(1), StringComparison.Ordinal);
        Assert.Contains("Item 2\nItem 2 cell", reopened.AllText(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReturnsError_WhenTextNotFound()
    {
        using var deck = Decks.WithSlides(1);

        var error = Assert.Single(deck.Fail("""{"op":"replace_text","find":"point 1","replace":"x"}"""));

        Assert.Equal("text_found", error.Rule);
    }
}
