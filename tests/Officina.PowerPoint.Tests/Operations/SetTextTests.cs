using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class SetTextTests
{
    [Fact]
    public void Apply_ReplacesParagraphsKeepingRunFormatting_ById()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Blank"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"old"}],"x":10,"y":10,"width":300,"height":100,"font_size":32,"bold":true}""");

        deck.Run("""{"op":"set_text","slide":1,"shape":"2","paragraphs":[{"text":"New"},{"text":"Sub","level":2}]}""");
        using var reopened = deck.Reopen();

        var runs = ShapeText.Body(reopened.Shape(1, "2"))!.Descendants<A.Run>().ToList();
        Assert.Equal(["New", "Sub"], runs.Select(r => r.Text!.Text));
        Assert.All(runs, r => Assert.Equal(3200, r.RunProperties!.FontSize!.Value));
        Assert.All(runs, r => Assert.True(r.RunProperties!.Bold!.Value));
    }

    [Fact]
    public void Apply_FillsPlaceholderByName()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Two Content","title":"Compare"}""");

        deck.Run("""{"op":"set_text","slide":1,"shape":"content placeholder 3","paragraphs":[{"text":"Right side"}]}""");

        Assert.Equal("Right side", ShapeText.Text(deck.Reopen().Shape(1, "Content Placeholder 3")));
    }

    [Fact]
    public void Validate_ListsShapes_WhenShapeUnknown()
    {
        using var deck = Decks.WithSlides(1);

        var error = Assert.Single(deck.Fail("""{"op":"set_text","slide":1,"shape":"Nope","paragraphs":[{"text":"x"}]}"""));

        Assert.Equal("shape", error.Path);
        Assert.Contains("2 'Title 1' (title)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReturnsError_WhenShapeIsATable()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["a"]],"x":10,"y":10}""");

        Assert.Contains(deck.Fail("""{"op":"set_text","slide":1,"shape":"Table 3","paragraphs":[{"text":"x"}]}"""), e => e.Rule == "shape_has_text");
    }
}
