using System.ComponentModel;
using DocumentFormat.OpenXml;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Ungroups a group shape: its shapes go back to the slide (or the enclosing group) where the
/// group stood in the stacking order, each at the place and size it was drawn at, mapped
/// through the group's transform (child space <c>chOff</c>/<c>chExt</c> onto the group's frame,
/// then the group's flips and rotation). Shapes filled "like the group" take the group's fill.
/// </summary>
[Operation("ungroup_shape", "Ungroup a group shape back into its shapes, keeping where they are drawn.")]
public sealed record UngroupShape(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The group's id or name from read_slide")] string Shape)
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
        if (!session.TryResolveShape(Slide, Shape, errors, out _, out var shape))
        {
            return errors;
        }

        if (shape is not P.GroupShape)
        {
            errors.Add(new("shape", "shape_kind", $"Shape '{Shape}' is a {SlideShapes.Kind(shape)}, not a group; only groups can be ungrouped."));
        }
        else if (shape.Parent is not (P.ShapeTree or P.GroupShape))
        {
            errors.Add(new("shape", "shape_kind", $"Group '{Shape}' sits inside alternate content (a fallback for older versions) and cannot be ungrouped."));
        }
        else if (ShapeFrames.Of(shape) is null)
        {
            errors.Add(new("shape", "geometry", $"Group '{Shape}' has no frame (offset and size), so where its shapes are drawn is unknown."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (_, shape) = session.ResolveShape(Slide, Shape);
        var group = (P.GroupShape)shape;
        var frame = ShapeFrames.Of(group)!.Value;
        var xfrm = group.GroupShapeProperties!.TransformGroup!;
        var childOffset = xfrm.ChildOffset is { } co ? (X: co.X?.Value ?? 0, Y: co.Y?.Value ?? 0) : (X: frame.Box.X, Y: frame.Box.Y);
        var childExtents = xfrm.ChildExtents is { } ce ? (Cx: ce.Cx?.Value ?? 0, Cy: ce.Cy?.Value ?? 0) : (Cx: frame.Box.Width, Cy: frame.Box.Height);
        var scaleX = childExtents.Cx == 0 ? 1 : frame.Box.Width / (double)childExtents.Cx;
        var scaleY = childExtents.Cy == 0 ? 1 : frame.Box.Height / (double)childExtents.Cy;
        var groupFill = group.GroupShapeProperties.ChildElements.FirstOrDefault(e => e.LocalName is "noFill" or "solidFill" or "gradFill" or "blipFill" or "pattFill");
        var children = group.ChildElements.OfType<OpenXmlCompositeElement>().Where(SlideShapes.IsShape).ToList();
        foreach (var child in children)
        {
            if (ShapeFrames.Of(child) is { } own)
            {
                ShapeFrames.Set(child, Map(own, frame, childOffset, scaleX, scaleY));
            }

            if (child.ChildElements.FirstOrDefault(e => e.LocalName == "spPr") is OpenXmlCompositeElement properties
                && properties.GetFirstChild<A.GroupFill>() is { } inherited)
            {
                inherited.InsertAfterSelf(groupFill?.CloneNode(true) ?? new A.NoFill());
                inherited.Remove();
            }

            child.Remove();
            group.InsertBeforeSelf(child);
        }

        group.Remove();
        var name = SlideShapes.Name(group);
        return new Change("ungroup_shape", $"slide {Slide}, shape '{name}'",
            $"Ungrouped '{name}' on slide {Slide} into {children.Count} shape(s): {string.Join(", ", children.Select(c => $"'{SlideShapes.Name(c)}'"))}", children.Count);
    }

    /// <summary>A child's frame in the group's child space, mapped to where it is drawn in the group's own space.</summary>
    private static Frame Map(Frame child, Frame group, (long X, long Y) childOffset, double scaleX, double scaleY)
    {
        var width = child.Box.Width * scaleX;
        var height = child.Box.Height * scaleY;
        var centerX = group.Box.X + (child.Box.X - childOffset.X) * scaleX + width / 2;
        var centerY = group.Box.Y + (child.Box.Y - childOffset.Y) * scaleY + height / 2;
        var (rotation, flipH, flipV) = (child.Rotation, child.FlipH, child.FlipV);
        if (group.FlipH)
        {
            centerX = 2 * group.CenterX - centerX;
            (flipH, rotation) = (!flipH, -rotation);
        }

        if (group.FlipV)
        {
            centerY = 2 * group.CenterY - centerY;
            (flipV, rotation) = (!flipV, -rotation);
        }

        if (group.Rotation != 0)
        {
            var radians = group.Rotation * Math.PI / 180;
            var (dx, dy) = (centerX - group.CenterX, centerY - group.CenterY);
            centerX = group.CenterX + dx * Math.Cos(radians) - dy * Math.Sin(radians);
            centerY = group.CenterY + dx * Math.Sin(radians) + dy * Math.Cos(radians);
            rotation += group.Rotation;
        }

        var box = new Box((long)Math.Round(centerX - width / 2), (long)Math.Round(centerY - height / 2), (long)Math.Round(width), (long)Math.Round(height));
        return new Frame(box, rotation, flipH, flipV);
    }
}
