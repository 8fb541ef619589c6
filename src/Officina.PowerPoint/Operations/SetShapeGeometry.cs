using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Moves and resizes a shape; values left out keep the shape's current ones (for a placeholder,
/// the position it inherits from its layout).
/// </summary>
[Operation("set_shape_geometry", "Move or resize a shape (points from the top-left corner).")]
public sealed record SetShapeGeometry(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Shape id or name from read_slide")] string Shape,
    [property: Description("New left edge in points; null keeps it")] double? X = null,
    [property: Description("New top edge in points; null keeps it")] double? Y = null,
    [property: Description("New width in points; null keeps it")] double? Width = null,
    [property: Description("New height in points; null keeps it")] double? Height = null)
    : WriteOperation<DeckSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (session.TryResolveShape(Slide, Shape, errors, out var slide, out var shape)
            && SlideShapes.Geometry(slide, shape) is null && (X is null || Y is null || Width is null || Height is null))
        {
            errors.Add(new("shape", "shape_geometry", $"Shape '{Shape}' has no position of its own or from its layout; give x, y, width and height."));
        }

        if (X is null && Y is null && Width is null && Height is null)
        {
            errors.Add(new("x", "geometry_required", "Give at least one of x, y, width and height."));
        }

        Placement.Check(X, Y, Width, Height, errors);
        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (slide, shape) = session.ResolveShape(Slide, Shape);
        var current = SlideShapes.Geometry(slide, shape) ?? default;
        var box = Placement.Resolve(current, X, Y, Width, Height);
        switch (shape)
        {
            case P.GraphicFrame frame:
                frame.Transform = ShapeBuilder.FrameTransform(box);
                break;
            case P.GroupShape group:
                var properties = group.GroupShapeProperties ??= new P.GroupShapeProperties();
                var transform = properties.TransformGroup ??= new A.TransformGroup();
                transform.Offset = new A.Offset { X = box.X, Y = box.Y };
                transform.Extents = new A.Extents { Cx = box.Width, Cy = box.Height };
                transform.ChildOffset ??= new A.ChildOffset { X = current.X, Y = current.Y };
                transform.ChildExtents ??= new A.ChildExtents { Cx = current.Width, Cy = current.Height };
                break;
            default:
                var spPr = shape switch
                {
                    P.Shape s => s.ShapeProperties ??= new P.ShapeProperties(),
                    P.Picture p => p.ShapeProperties ??= new P.ShapeProperties(),
                    P.ConnectionShape c => c.ShapeProperties ??= new P.ShapeProperties(),
                    _ => throw new InvalidOperationException($"Shape '{Shape}' cannot be moved."),
                };
                var xfrm = spPr.Transform2D;
                if (xfrm is null)
                {
                    spPr.PrependChild(ShapeBuilder.Transform(box));
                }
                else
                {
                    xfrm.Offset = new A.Offset { X = box.X, Y = box.Y };
                    xfrm.Extents = new A.Extents { Cx = box.Width, Cy = box.Height };
                }

                break;
        }

        return new Change("set_shape_geometry", $"slide {Slide}, shape '{SlideShapes.Name(shape)}'",
            $"Placed '{SlideShapes.Name(shape)}' on slide {Slide} at {Placement.Points(box.X):0.#},{Placement.Points(box.Y):0.#} pt, {Placement.Points(box.Width):0.#}×{Placement.Points(box.Height):0.#} pt");
    }
}
