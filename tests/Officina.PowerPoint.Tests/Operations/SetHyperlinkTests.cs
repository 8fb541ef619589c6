using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class SetHyperlinkTests
{
    [Fact]
    public void Apply_LinksMatchedTextToAWebAddress_ThroughAnExternalRelationship()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"set_text","slide":1,"shape":"Content Placeholder 2","paragraphs":[{"text":"Read the full report online"}]}""");

        var change = deck.Run("""{"op":"set_hyperlink","slide":1,"shape":"Content Placeholder 2","match":"full report","url":"https://example.com/report?q=1","tooltip":"Open the report"}""").Change!;
        using var reopened = deck.Reopen();

        var runs = reopened.Shape(1, "Content Placeholder 2").Descendants<A.Run>().ToList();
        Assert.Equal(["Read the ", "full report", " online"], runs.Select(r => r.Text!.Text));
        var link = runs[1].RunProperties!.GetFirstChild<A.HyperlinkOnClick>()!;
        Assert.Equal("Open the report", link.Tooltip!.Value);
        var relationship = Assert.Single(reopened.Slide(1).HyperlinkRelationships);
        Assert.Equal((link.Id!.Value, true, "https://example.com/report?q=1"), (relationship.Id, relationship.IsExternal, relationship.Uri.OriginalString));
        Assert.Null(runs[0].RunProperties?.GetFirstChild<A.HyperlinkOnClick>());
        Assert.Equal("Linked 1 run(s) matching 'full report' of 'Content Placeholder 2' on slide 1 to https://example.com/report?q=1", change.Summary);
    }

    [Fact]
    public void Apply_LinksAWholeShapeToAnotherSlide_AndReplacingDropsTheOldLink()
    {
        using var deck = Decks.WithSlides(3);
        deck.Run("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","url":"mailto:team@example.com"}""");

        deck.Run("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","to_slide":3}""");
        using var reopened = deck.Reopen();

        var link = reopened.Shape(1, "Title 1").Descendants<A.HyperlinkOnClick>().Single();
        Assert.Equal("ppaction://hlinksldjump", link.Action!.Value);
        Assert.Same(reopened.Slide(3), reopened.Slide(1).GetPartById(link.Id!.Value!));
        Assert.Empty(reopened.Slide(1).HyperlinkRelationships);
    }

    [Fact]
    public void Apply_RemovesLinks()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","url":"http://example.com"}""");

        deck.Run("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","remove":true}""");

        Assert.Empty(deck.Reopen().Shape(1, "Title 1").Descendants<A.HyperlinkOnClick>());
        Assert.Empty(deck.Slide(1).HyperlinkRelationships);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "url_scheme")]
    [InlineData("JavaScript:alert(1)", "url_scheme")]
    [InlineData("file:///etc/passwd", "url_scheme")]
    [InlineData("data:text/html,hi", "url_scheme")]
    [InlineData("/etc/passwd", "url")]
    [InlineData("example.com", "url")]
    [InlineData("https://", "url")]
    [InlineData("mailto:", "url")]
    public void Validate_RefusesUnsafeOrMalformedAddresses(string url, string rule)
    {
        using var deck = Decks.WithSlides(1);

        var error = Assert.Single(deck.Fail($$"""{"op":"set_hyperlink","slide":1,"shape":"Title 1","url":"{{url}}"}"""));

        Assert.Equal(("url", rule), (error.Path, error.Rule));
        Assert.Empty(deck.Slide(1).HyperlinkRelationships);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForTargetsMatchesAndShapes()
    {
        using var deck = Decks.WithSlides(2);

        Assert.Equal("link_target", Assert.Single(deck.Fail("""{"op":"set_hyperlink","slide":1,"shape":"Title 1"}""")).Rule);
        Assert.Equal("link_target", Assert.Single(deck.Fail("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","url":"https://a.b","to_slide":2}""")).Rule);
        Assert.Equal("link_self", Assert.Single(deck.Fail("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","to_slide":1}""")).Rule);
        Assert.Equal(("to_slide", "slide_exists"), deck.Fail("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","to_slide":7}""").Select(e => (e.Path, e.Rule)).Single());
        Assert.Equal("text_found", Assert.Single(deck.Fail("""{"op":"set_hyperlink","slide":1,"shape":"Title 1","match":"absent","url":"https://a.b"}""")).Rule);
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":10,"y":10,"width":50,"height":50,"name":"Box"}""");
        Assert.Equal("shape_has_text", Assert.Single(deck.Fail("""{"op":"set_hyperlink","slide":1,"shape":"Box","url":"https://a.b"}""")).Rule);
    }
}
