using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>A shape's frame as its transform element holds it: box in EMU, rotation in degrees, flips.</summary>
public readonly record struct Frame(Box Box, double Rotation, bool FlipH, bool FlipV)
{
    public double CenterX => Box.X + Box.Width / 2.0;

    public double CenterY => Box.Y + Box.Height / 2.0;

    /// <summary>The upright box that holds the frame drawn at its rotation (what PowerPoint measures a group by).</summary>
    public Box Bounds()
    {
        var radians = Rotation * Math.PI / 180;
        var (cos, sin) = (Math.Abs(Math.Cos(radians)), Math.Abs(Math.Sin(radians)));
        var width = Box.Width * cos + Box.Height * sin;
        var height = Box.Width * sin + Box.Height * cos;
        return new Box((long)Math.Round(CenterX - width / 2), (long)Math.Round(CenterY - height / 2), (long)Math.Round(width), (long)Math.Round(height));
    }
}

/// <summary>
/// Reads and writes the transform of any shape kind: <c>a:xfrm</c> of shapes, pictures and
/// connectors, <c>p:xfrm</c> of graphic frames, the group transform (<c>a:xfrm</c> with
/// <c>chOff</c>/<c>chExt</c>) of groups.
/// </summary>
public static class ShapeFrames
{
    public const int RotationUnit = 60000;

    /// <summary>The shape's transform element, or null when it has none of its own (a placeholder inheriting its place).</summary>
    public static OpenXmlCompositeElement? Transform(OpenXmlElement shape) => shape switch
    {
        P.GraphicFrame g => g.Transform,
        P.GroupShape g => g.GroupShapeProperties?.TransformGroup,
        _ => SlideShapes.OwnTransform(shape),
    };

    /// <summary>The shape's own frame, or null when it has no transform with both an offset and a size.</summary>
    public static Frame? Of(OpenXmlElement shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (Transform(shape) is not { } xfrm || xfrm.GetFirstChild<A.Offset>() is not { } offset || xfrm.GetFirstChild<A.Extents>() is not { } extents)
        {
            return null;
        }

        var (rotation, flipH, flipV) = xfrm switch
        {
            A.Transform2D t => (t.Rotation?.Value ?? 0, t.HorizontalFlip?.Value ?? false, t.VerticalFlip?.Value ?? false),
            P.Transform t => (t.Rotation?.Value ?? 0, t.HorizontalFlip?.Value ?? false, t.VerticalFlip?.Value ?? false),
            A.TransformGroup t => (t.Rotation?.Value ?? 0, t.HorizontalFlip?.Value ?? false, t.VerticalFlip?.Value ?? false),
            _ => (0, false, false),
        };
        return new Frame(new Box(offset.X?.Value ?? 0, offset.Y?.Value ?? 0, extents.Cx?.Value ?? 0, extents.Cy?.Value ?? 0), rotation / (double)RotationUnit, flipH, flipV);
    }

    /// <summary>Writes <paramref name="frame"/> into the shape's existing transform (see <see cref="Of"/>).</summary>
    public static void Set(OpenXmlElement shape, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var xfrm = Transform(shape)!;
        var offset = xfrm.GetFirstChild<A.Offset>()!;
        var extents = xfrm.GetFirstChild<A.Extents>()!;
        (offset.X, offset.Y, extents.Cx, extents.Cy) = (frame.Box.X, frame.Box.Y, frame.Box.Width, frame.Box.Height);
        var degrees = ((frame.Rotation % 360) + 360) % 360;
        var units = (int)Math.Round(degrees * RotationUnit) % (360 * RotationUnit);
        Int32Value? rotation = units == 0 ? null : new Int32Value(units);
        BooleanValue? flipH = frame.FlipH ? new BooleanValue(true) : null;
        BooleanValue? flipV = frame.FlipV ? new BooleanValue(true) : null;
        switch (xfrm)
        {
            case A.Transform2D t:
                (t.Rotation, t.HorizontalFlip, t.VerticalFlip) = (rotation, flipH, flipV);
                break;
            case P.Transform t:
                (t.Rotation, t.HorizontalFlip, t.VerticalFlip) = (rotation, flipH, flipV);
                break;
            case A.TransformGroup t:
                (t.Rotation, t.HorizontalFlip, t.VerticalFlip) = (rotation, flipH, flipV);
                break;
        }
    }
}
