using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class AddShapeTests
{
    [Fact]
    public void Apply_AddsThemeStyledShapeWithCentredText()
    {
        using var deck = Decks.WithSlides(1);

        var change = deck.Run("""{"op":"add_shape","slide":1,"geometry":"rounded_rectangle","x":100,"y":200,"width":180,"height":60,"text":"Step 1\nPlan","font_size":16}""").Change!;
        using var reopened = deck.Reopen();

        var shape = (P.Shape)reopened.Shape(1, "Rectangle: Rounded Corners 3");
        Assert.Equal("shape", SlideShapes.Kind(shape));
        Assert.Equal(A.ShapeTypeValues.RoundRectangle, shape.ShapeProperties!.GetFirstChild<A.PresetGeometry>()!.Preset!.Value);
        Assert.Equal(new Box(100 * 12700, 200 * 12700, 180 * 12700, 60 * 12700), SlideShapes.Geometry(reopened.Slide(1), shape));
        Assert.Equal(A.SchemeColorValues.Accent1, shape.ShapeStyle!.FillReference!.SchemeColor!.Val!.Value);
        Assert.Equal("Step 1\nPlan", ShapeText.Text(shape));
        Assert.All(shape.Descendants<A.Run>(), r => Assert.Equal(1600, r.RunProperties!.FontSize!.Value));
        Assert.Equal(A.TextAnchoringTypeValues.Center, shape.TextBody!.BodyProperties!.Anchor!.Value);
        Assert.Equal("Added rounded rectangle 'Rectangle: Rounded Corners 3' (id 4) with text 'Step 1 / Plan' on slide 1", change.Summary);
    }

    [Fact]
    public void Apply_UsesGivenColours_AndDarkTextOnLightFill()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"add_shape","slide":1,"geometry":"chevron","x":40,"y":300,"width":120,"height":60,"text":"Q1","fill_color":"#F2F2F2","line_color":"none","name":"Phase 1"}""");
        using var reopened = deck.Reopen();

        var shape = (P.Shape)reopened.Shape(1, "Phase 1");
        Assert.Equal(["xfrm", "prstGeom", "solidFill", "ln"], shape.ShapeProperties!.ChildElements.Select(e => e.LocalName));
        Assert.Equal("F2F2F2", shape.ShapeProperties.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!.Val!.Value);
        Assert.NotNull(shape.ShapeProperties.GetFirstChild<A.Outline>()!.GetFirstChild<A.NoFill>());
        Assert.Equal(A.SchemeColorValues.Text1, shape.ShapeStyle!.FontReference!.SchemeColor!.Val!.Value);
    }

    [Fact]
    public void Apply_AddsArrowConnector_RunningUpAndLeft()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"add_shape","slide":1,"geometry":"arrow","x":300,"y":300,"width":-100,"height":-50,"line_color":"accent2"}""");
        using var reopened = deck.Reopen();

        var connector = Assert.IsType<P.ConnectionShape>(reopened.Shape(1, "Straight Arrow Connector 3"));
        var transform = connector.ShapeProperties!.Transform2D!;
        Assert.Equal((200 * 12700L, 250 * 12700L), (transform.Offset!.X!.Value, transform.Offset.Y!.Value));
        Assert.True(transform.HorizontalFlip!.Value);
        Assert.True(transform.VerticalFlip!.Value);
        var outline = connector.ShapeProperties.GetFirstChild<A.Outline>()!;
        Assert.Equal(A.LineEndValues.Triangle, outline.GetFirstChild<A.TailEnd>()!.Type!.Value);
        Assert.Equal(A.SchemeColorValues.Accent2, outline.GetFirstChild<A.SolidFill>()!.SchemeColor!.Val!.Value);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadSizeColourAndLineText()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal(["width", "fill_color"], deck.Fail("""{"op":"add_shape","slide":1,"geometry":"ellipse","x":0,"y":0,"width":0,"height":10,"fill_color":"orange"}""").Select(e => e.Path));
        Assert.Equal(["text", "fill_color"], deck.Fail("""{"op":"add_shape","slide":1,"geometry":"line","x":0,"y":0,"width":100,"height":0,"text":"x","fill_color":"accent1"}""").Select(e => e.Path));
        Assert.Equal("size", Assert.Single(deck.Fail("""{"op":"add_shape","slide":1,"geometry":"line","x":0,"y":0,"width":0,"height":0}""")).Rule);
        Assert.Equal("slide_exists", Assert.Single(deck.Fail("""{"op":"add_shape","slide":3,"geometry":"star","x":0,"y":0,"width":10,"height":10}""")).Rule);
        Assert.Equal(2, SlideShapes.All(deck.Slide(1)).Count());
    }
}
