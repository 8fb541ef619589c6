using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class UngroupShapeTests
{
    [Fact]
    public void Apply_RestoresTheShapesWhereTheyWere_AfterGroupShapes()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":100,"y":100,"width":100,"height":50,"name":"A"}""");
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"ellipse","x":300,"y":200,"width":100,"height":100,"name":"B"}""");
        deck.Run("""{"op":"group_shapes","slide":1,"shapes":["A","B"],"name":"G"}""");

        var change = deck.Run("""{"op":"ungroup_shape","slide":1,"shape":"G"}""").Change!;
        using var reopened = deck.Reopen();

        Assert.Empty(reopened.Slide(1).Slide.Descendants<P.GroupShape>());
        Assert.Equal(new Box(100 * 12700, 100 * 12700, 100 * 12700, 50 * 12700), SlideShapes.Geometry(reopened.Slide(1), reopened.Shape(1, "A")));
        Assert.Equal(new Box(300 * 12700, 200 * 12700, 100 * 12700, 100 * 12700), SlideShapes.Geometry(reopened.Slide(1), reopened.Shape(1, "B")));
        Assert.Equal("Ungrouped 'G' on slide 1 into 2 shape(s): 'A', 'B'", change.Summary);
    }

    [Fact]
    public void Apply_MapsChildSpaceScaleRotationAndGroupFill()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":0,"y":0,"width":10,"height":10,"name":"A"}""");
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":10,"y":10,"width":10,"height":10,"name":"B"}""");
        deck.Run("""{"op":"group_shapes","slide":1,"shapes":["A","B"],"name":"G"}""");
        // The group drawn twice as large at (100, 100) and turned 90°; B filled like the group.
        var group = (P.GroupShape)deck.Shape(1, "G");
        var xfrm = group.GroupShapeProperties!.TransformGroup!;
        (xfrm.Offset!.X, xfrm.Offset.Y, xfrm.Extents!.Cx, xfrm.Extents.Cy, xfrm.Rotation) = (100 * 12700L, 100 * 12700L, 40 * 12700L, 40 * 12700L, 90 * 60000);
        xfrm.InsertAfterSelf(new A.SolidFill(new A.RgbColorModelHex { Val = "FF0000" }));
        var b = ((P.Shape)deck.Shape(1, "B")).ShapeProperties!;
        b.RemoveAllChildren<A.SolidFill>();
        b.GetFirstChild<A.PresetGeometry>()!.InsertAfterSelf(new A.GroupFill());

        deck.Run("""{"op":"ungroup_shape","slide":1,"shape":"G"}""");
        using var reopened = deck.Reopen();

        // Unrotated, A would sit at (100, 100) and B at (120, 120), each 20 × 20; turning the
        // group 90° about its centre (120, 120) carries A's centre (110, 110) to (130, 110).
        var a = (P.Shape)reopened.Shape(1, "A");
        Assert.Equal(new Box(120 * 12700, 100 * 12700, 20 * 12700, 20 * 12700), SlideShapes.Geometry(reopened.Slide(1), a));
        Assert.Equal(90 * 60000, a.ShapeProperties!.Transform2D!.Rotation!.Value);
        var fill = ((P.Shape)reopened.Shape(1, "B")).ShapeProperties!;
        Assert.Null(fill.GetFirstChild<A.GroupFill>());
        Assert.Equal("FF0000", fill.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!.Val!.Value);
    }

    [Fact]
    public void Validate_RefusesShapesThatAreNotGroups()
    {
        using var deck = Decks.WithSlides(1);

        var error = Assert.Single(deck.Fail("""{"op":"ungroup_shape","slide":1,"shape":"Title 1"}"""));

        Assert.Equal(("shape", "shape_kind"), (error.Path, error.Rule));
        Assert.Equal("shape_exists", Assert.Single(deck.Fail("""{"op":"ungroup_shape","slide":1,"shape":"Nope"}""")).Rule);
    }
}
