using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class GroupShapesTests
{
    [Fact]
    public void Apply_GroupsShapesUnderTheirBounds_WithChildSpaceEqualToTheFrame()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":100,"y":100,"width":100,"height":50,"name":"A"}""");
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"ellipse","x":300,"y":200,"width":100,"height":100,"name":"B"}""");
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":600,"y":50,"width":50,"height":50,"name":"C"}""");

        var change = deck.Run("""{"op":"group_shapes","slide":1,"shapes":["B","A"],"name":"Pair"}""").Change!;
        using var reopened = deck.Reopen();

        var group = (P.GroupShape)reopened.Shape(1, "Pair");
        var xfrm = group.GroupShapeProperties!.TransformGroup!;
        Assert.Equal((100 * 12700L, 100 * 12700L, 300 * 12700L, 200 * 12700L), (xfrm.Offset!.X!.Value, xfrm.Offset.Y!.Value, xfrm.Extents!.Cx!.Value, xfrm.Extents.Cy!.Value));
        Assert.Equal((xfrm.Offset.X.Value, xfrm.Offset.Y.Value, xfrm.Extents.Cx.Value, xfrm.Extents.Cy.Value),
            (xfrm.ChildOffset!.X!.Value, xfrm.ChildOffset.Y!.Value, xfrm.ChildExtents!.Cx!.Value, xfrm.ChildExtents.Cy!.Value));
        Assert.Equal(["A", "B"], group.Elements<P.Shape>().Select(s => s.NonVisualShapeProperties!.NonVisualDrawingProperties!.Name!.Value));
        var tree = reopened.Slide(1).Slide.CommonSlideData!.ShapeTree!;
        Assert.Equal(["Title 1", "Content Placeholder 2", "Pair", "C"], tree.ChildElements.Select(Officina.PowerPoint.Deck.SlideShapes.Name).Where(n => n.Length > 0));
        Assert.Equal("Grouped 2 shapes ('A', 'B') into 'Pair' on slide 1", change.Summary);
    }

    [Fact]
    public void Apply_MeasuresRotatedShapesAsDrawn()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":100,"y":100,"width":200,"height":100,"name":"A"}""");
        deck.Run("""{"op":"set_shape_geometry","slide":1,"shape":"A","rotation":90}""");
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":400,"y":100,"width":10,"height":10,"name":"B"}""");

        deck.Run("""{"op":"group_shapes","slide":1,"shapes":["A","B"]}""");

        var xfrm = ((P.GroupShape)deck.Shape(1, "Group 5")).GroupShapeProperties!.TransformGroup!;
        Assert.Equal((150 * 12700L, 50 * 12700L), (xfrm.Offset!.X!.Value, xfrm.Offset.Y!.Value));
        Assert.Equal(200 * 12700L, xfrm.Extents!.Cy!.Value);
    }

    [Fact]
    public void Validate_RefusesPlaceholdersTablesDuplicatesAndShapesInDifferentGroups()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":10,"y":10,"width":50,"height":50,"name":"A"}""");
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":100,"y":10,"width":50,"height":50,"name":"B"}""");
        deck.Run("""{"op":"add_shape","slide":1,"geometry":"rectangle","x":200,"y":10,"width":50,"height":50,"name":"C"}""");
        deck.Run("""{"op":"add_table","slide":1,"rows":[["x"]],"x":10,"y":300,"name":"T"}""");

        Assert.Equal("group_size", Assert.Single(deck.Fail("""{"op":"group_shapes","slide":1,"shapes":["A"]}""")).Rule);
        Assert.Equal(["group_placeholder", "group_locked"], deck.Fail("""{"op":"group_shapes","slide":1,"shapes":["A","Title 1","T"]}""").Select(e => e.Rule));
        Assert.Equal(("shapes[1]", "shape_unique"), deck.Fail("""{"op":"group_shapes","slide":1,"shapes":["A","a"]}""").Select(e => (e.Path, e.Rule)).Single());
        deck.Run("""{"op":"group_shapes","slide":1,"shapes":["A","B"],"name":"G"}""");
        Assert.Equal("same_group", Assert.Single(deck.Fail("""{"op":"group_shapes","slide":1,"shapes":["A","C"]}""")).Rule);
        Assert.Equal("shape_exists", Assert.Single(deck.Fail("""{"op":"group_shapes","slide":1,"shapes":["A","Nope"]}""")).Rule);
    }
}
