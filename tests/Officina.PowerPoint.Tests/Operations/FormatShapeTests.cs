using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class FormatShapeTests
{
    [Fact]
    public void Apply_SetsSolidFillAndOutline_InSchemaOrder()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Note"}],"x":40,"y":300,"width":200,"height":60,"name":"Note"}""");

        var change = deck.Run("""{"op":"format_shape","slide":1,"shape":"Note","fill_color":"#1F4E79","fill_transparency":25,"line_color":"accent2","line_width":2.5,"line_dash":"dash_dot"}""").Change!;
        using var reopened = deck.Reopen();

        var properties = ((P.Shape)reopened.Shape(1, "Note")).ShapeProperties!;
        Assert.Equal(["xfrm", "prstGeom", "solidFill", "ln"], properties.ChildElements.Select(e => e.LocalName));
        var color = properties.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!;
        Assert.Equal("1F4E79", color.Val!.Value);
        Assert.Equal(75000, color.GetFirstChild<A.Alpha>()!.Val!.Value);
        var outline = properties.GetFirstChild<A.Outline>()!;
        Assert.Equal(2.5 * 12700, outline.Width!.Value);
        Assert.Equal(A.SchemeColorValues.Accent2, outline.GetFirstChild<A.SolidFill>()!.SchemeColor!.Val!.Value);
        Assert.Equal(A.PresetLineDashValues.DashDot, outline.GetFirstChild<A.PresetDash>()!.Val!.Value);
        Assert.Equal("Formatted text box 'Note' on slide 1: fill #1F4E79 (25% transparent), outline accent2 2.5 pt dash dot", change.Summary);
    }

    [Fact]
    public void Apply_SetsGradientFill_AndRemovesFillAndOutline()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"format_shape","slide":1,"shape":"Title 1","gradient":{"stops":[{"color":"accent1"},{"color":"#FFFFFF"},{"color":"accent2"}],"angle":45}}""");
        deck.Run("""{"op":"format_shape","slide":1,"shape":"Content Placeholder 2","fill_color":"none","line_color":"none"}""");
        using var reopened = deck.Reopen();

        var gradient = ((P.Shape)reopened.Shape(1, "Title 1")).ShapeProperties!.GetFirstChild<A.GradientFill>()!;
        Assert.Equal([0, 50000, 100000], gradient.GradientStopList!.Elements<A.GradientStop>().Select(s => s.Position!.Value));
        Assert.Equal(45 * 60000, gradient.GetFirstChild<A.LinearGradientFill>()!.Angle!.Value);
        var body = ((P.Shape)reopened.Shape(1, "Content Placeholder 2")).ShapeProperties!;
        Assert.NotNull(body.GetFirstChild<A.NoFill>());
        Assert.NotNull(body.GetFirstChild<A.Outline>()!.GetFirstChild<A.NoFill>());
    }

    [Fact]
    public void Apply_OutlinesAPicture()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("logo.png", () => new MemoryStream(Decks.Png(20, 20)));
        deck.Run("""{"op":"add_image","slide":1,"source":"logo.png","x":10,"y":10,"width":20}""");

        deck.Run("""{"op":"format_shape","slide":1,"shape":"Picture 3","line_color":"000000","line_width":1}""");

        var outline = ((P.Picture)deck.Reopen().Shape(1, "Picture 3")).ShapeProperties!.GetFirstChild<A.Outline>()!;
        Assert.Equal("000000", outline.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!.Val!.Value);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadValuesAndShapesWithoutFill()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["a"]],"x":10,"y":400}""");

        var errors = deck.Fail("""{"op":"format_shape","slide":1,"shape":"Title 1","fill_color":"red","gradient":{"stops":[{"color":"accent1"}],"angle":400},"line_width":-1}""");
        Assert.Equal(["gradient", "fill_color", "gradient.stops", "gradient.angle", "line_width"], errors.Select(e => e.Path));
        Assert.Equal("shape_kind", Assert.Single(deck.Fail("""{"op":"format_shape","slide":1,"shape":"Table 3","fill_color":"accent1"}""")).Rule);
        Assert.Equal("shape_exists", Assert.Single(deck.Fail("""{"op":"format_shape","slide":1,"shape":"Nope","fill_color":"accent1"}""")).Rule);
        Assert.Equal("fill_required", Assert.Single(deck.Fail("""{"op":"format_shape","slide":1,"shape":"Title 1","fill_transparency":50}""")).Rule);
        Assert.Equal("format_required", Assert.Single(deck.Fail("""{"op":"format_shape","slide":1,"shape":"Title 1"}""")).Rule);
        Assert.Equal("gradient_order", Assert.Single(deck.Fail("""{"op":"format_shape","slide":1,"shape":"Title 1","gradient":{"stops":[{"color":"accent1","position":60},{"color":"accent2","position":10}]}}""")).Rule);
        Assert.Null(((P.Shape)deck.Shape(1, "Title 1")).ShapeProperties!.GetFirstChild<A.SolidFill>());
    }
}
