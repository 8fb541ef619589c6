using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class SetShapeGeometryTests
{
    [Fact]
    public void Apply_MovesPlaceholder_KeepingInheritedSize()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"set_shape_geometry","slide":1,"shape":"Title 1","y":10}""");
        using var reopened = deck.Reopen();

        Assert.Equal(new Box(548640, 10 * 12700, 11094720, 868680), SlideShapes.Geometry(reopened.Slide(1), reopened.Shape(1, "Title 1")));
    }

    [Fact]
    public void Apply_ResizesTable()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["a"]],"x":10,"y":10,"width":100,"height":40}""");

        deck.Run("""{"op":"set_shape_geometry","slide":1,"shape":"Table 3","width":200}""");

        Assert.Equal(new Box(127000, 127000, 200 * 12700, 40 * 12700), SlideShapes.Geometry(deck.Reopen().Slide(1), deck.Shape(1, "Table 3")));
    }

    [Fact]
    public void Validate_ReturnsError_WhenNothingGiven()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal("geometry_required", Assert.Single(deck.Fail("""{"op":"set_shape_geometry","slide":1,"shape":"Title 1"}""")).Rule);
    }

    [Fact]
    public void Apply_RotatesAndFlipsShape_KeepingItsBox()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Tilted"}],"x":100,"y":100,"width":200,"height":50,"name":"Tilted"}""");

        var change = deck.Run("""{"op":"set_shape_geometry","slide":1,"shape":"Tilted","rotation":-30,"flip_horizontal":true}""").Change!;
        deck.Run("""{"op":"set_shape_geometry","slide":1,"shape":"Title 1","rotation":90}""");
        using var reopened = deck.Reopen();

        var transform = SlideShapes.OwnTransform(reopened.Shape(1, "Tilted"))!;
        Assert.Equal(330 * 60000, transform.Rotation!.Value);
        Assert.True(transform.HorizontalFlip!.Value);
        Assert.Equal(new Box(100 * 12700, 100 * 12700, 200 * 12700, 50 * 12700), SlideShapes.Geometry(reopened.Slide(1), reopened.Shape(1, "Tilted")));
        Assert.Equal(90 * 60000, SlideShapes.OwnTransform(reopened.Shape(1, "Title 1"))!.Rotation!.Value);
        Assert.Equal("Turned 'Tilted' on slide 1: rotated to 330°, flipped horizontally", change.Summary);
    }

    [Fact]
    public void Validate_ReturnsError_WhenRotatingATableOrOutOfRange()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["a"]],"x":10,"y":10,"width":100,"height":40}""");

        Assert.Equal("rotation_supported", Assert.Single(deck.Fail("""{"op":"set_shape_geometry","slide":1,"shape":"Table 3","rotation":45}""")).Rule);
        Assert.Equal("rotation", Assert.Single(deck.Fail("""{"op":"set_shape_geometry","slide":1,"shape":"Title 1","rotation":720}""")).Rule);
    }
}
