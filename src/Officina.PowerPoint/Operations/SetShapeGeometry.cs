using System.ComponentModel;
using System.Globalization;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Moves, resizes, rotates and flips a shape; values left out keep the shape's current ones
/// (for a placeholder, the position it inherits from its layout). Rotation is the angle the
/// shape ends up at (as PowerPoint's Size and Position pane sets it), not an amount to add.
/// Tables and charts move and resize but do not rotate or flip, as in PowerPoint.
/// </summary>
[Operation("set_shape_geometry", "Move, resize, rotate or flip a shape (points from the top-left corner, degrees).")]
public sealed record SetShapeGeometry(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Shape id or name from read_slide")] string Shape,
    [property: Description("New left edge in points; null keeps it")] double? X = null,
    [property: Description("New top edge in points; null keeps it")] double? Y = null,
    [property: Description("New width in points; null keeps it")] double? Width = null,
    [property: Description("New height in points; null keeps it")] double? Height = null,
    [property: Description("Rotation in degrees clockwise, -360 to 360 (0 is upright); the angle to end at, not to add")] double? Rotation = null,
    [property: Description("Mirror left to right (true) or back (false)")] bool? FlipHorizontal = null,
    [property: Description("Mirror top to bottom (true) or back (false)")] bool? FlipVertical = null)
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

        if (X is null && Y is null && Width is null && Height is null && !Turns)
        {
            errors.Add(new("x", "geometry_required", "Give at least one of x, y, width, height, rotation, flip_horizontal and flip_vertical."));
        }

        if (Rotation is { } rotation && (double.IsNaN(rotation) || rotation is < -360 or > 360))
        {
            errors.Add(new("rotation", "rotation", $"rotation must be between -360 and 360 degrees. Given: {rotation.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (Turns && shape is P.GraphicFrame)
        {
            errors.Add(new(Rotation is not null ? "rotation" : FlipHorizontal is not null ? "flip_horizontal" : "flip_vertical", "rotation_supported",
                $"Shape '{Shape}' is a {SlideShapes.Kind(shape)}; PowerPoint does not rotate or flip tables and charts (move or resize it instead)."));
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
                if (Rotation is { } groupRotation)
                {
                    transform.Rotation = DrawingFill.Angle(groupRotation);
                }

                if (FlipHorizontal is { } groupFlipH)
                {
                    transform.HorizontalFlip = groupFlipH;
                }

                if (FlipVertical is { } groupFlipV)
                {
                    transform.VerticalFlip = groupFlipV;
                }

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
                    xfrm = spPr.PrependChild(ShapeBuilder.Transform(box));
                }
                else
                {
                    xfrm.Offset = new A.Offset { X = box.X, Y = box.Y };
                    xfrm.Extents = new A.Extents { Cx = box.Width, Cy = box.Height };
                }

                if (Rotation is { } rotation)
                {
                    xfrm.Rotation = DrawingFill.Angle(rotation);
                }

                if (FlipHorizontal is { } flipH)
                {
                    xfrm.HorizontalFlip = flipH;
                }

                if (FlipVertical is { } flipV)
                {
                    xfrm.VerticalFlip = flipV;
                }

                break;
        }

        var name = SlideShapes.Name(shape);
        var placed = X is null && Y is null && Width is null && Height is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" at {Placement.Points(box.X):0.#},{Placement.Points(box.Y):0.#} pt, {Placement.Points(box.Width):0.#}×{Placement.Points(box.Height):0.#} pt");
        var turned = new List<string>();
        if (Rotation is { } degrees)
        {
            turned.Add(string.Create(CultureInfo.InvariantCulture, $"rotated to {DrawingFill.Angle(degrees) / (double)DrawingFill.AngleUnit:0.#}°"));
        }

        if (FlipHorizontal is { } h)
        {
            turned.Add(h ? "flipped horizontally" : "not flipped horizontally");
        }

        if (FlipVertical is { } v)
        {
            turned.Add(v ? "flipped vertically" : "not flipped vertically");
        }

        var verb = placed.Length > 0 ? "Placed" : "Turned";
        return new Change("set_shape_geometry", $"slide {Slide}, shape '{name}'",
            $"{verb} '{name}' on slide {Slide}{placed}{(turned.Count > 0 ? (placed.Length > 0 ? ", " : ": ") + string.Join(", ", turned) : "")}");
    }

    private bool Turns => Rotation is not null || FlipHorizontal is not null || FlipVertical is not null;
}
