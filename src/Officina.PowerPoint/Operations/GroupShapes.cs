using System.ComponentModel;
using DocumentFormat.OpenXml;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Groups shapes of one slide (or of one group) into a new group (<c>p:grpSp</c>), as
/// PowerPoint's Group command does: the group's frame is the box around its shapes as drawn
/// (rotation included), its child space equals that frame (<c>chOff</c>/<c>chExt</c> = offset and
/// size), so every shape keeps its place, size and look. The group stands in the stacking order
/// where the front-most of its shapes stood; the shapes keep their order inside it.
/// Placeholders and tables cannot be grouped (PowerPoint refuses them too).
/// </summary>
[Operation("group_shapes", "Group two or more shapes of a slide into one group shape.")]
public sealed record GroupShapes(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Ids or names (from read_slide) of the shapes to group, at least two")] string[] Shapes,
    [property: Description("Group name; null for 'Group N'")] string? Name = null)
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
        if (Shapes is null || Shapes.Length < 2)
        {
            errors.Add(new("shapes", "group_size", $"A group holds at least two shapes. Given: {Shapes?.Length ?? 0}."));
        }

        if (!session.TryResolveSlide(Slide, "slide", errors, out var slide) || Shapes is null)
        {
            return errors;
        }

        var found = new List<OpenXmlCompositeElement>();
        for (var i = 0; i < Shapes.Length; i++)
        {
            var path = $"shapes[{i}]";
            if (!SlideShapes.TryFind(slide, Shapes[i], out var shape, out var error))
            {
                errors.Add(new(path, "shape_exists", $"On slide {Slide}: {error}"));
                continue;
            }

            var name = SlideShapes.Name(shape);
            if (found.Contains(shape))
            {
                errors.Add(new(path, "shape_unique", $"Shape '{Shapes[i]}' ('{name}') is listed twice."));
                continue;
            }

            found.Add(shape);
            if (SlideShapes.Placeholder(shape) is not null)
            {
                errors.Add(new(path, "group_placeholder", $"Shape '{name}' is a {SlideShapes.Kind(shape)} placeholder, which PowerPoint cannot group; group text boxes, shapes, pictures, charts and groups."));
            }
            else if (LocksGrouping(shape))
            {
                errors.Add(new(path, "group_locked", $"Shape '{name}' is a {SlideShapes.Kind(shape)} locked against grouping (PowerPoint does not group tables)."));
            }
            else if (ShapeFrames.Of(shape) is null)
            {
                errors.Add(new(path, "geometry", $"Shape '{name}' has no position and size of its own; set them with set_shape_geometry first."));
            }
            else if (shape.Parent is not (P.ShapeTree or P.GroupShape))
            {
                errors.Add(new(path, "same_group", $"Shape '{name}' sits inside alternate content (a fallback for older versions) and cannot be grouped."));
            }
        }

        if (found.Count >= 2 && found.Select(s => s.Parent).Distinct().Count() > 1)
        {
            errors.Add(new("shapes", "same_group", $"The shapes must sit together on the slide or in the same group; {string.Join(", ", found.Select(s => $"'{SlideShapes.Name(s)}' is {(s.Parent is P.GroupShape g ? $"in group '{SlideShapes.Name(g)}'" : "on the slide")}"))}. Ungroup first."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slide = session.SlideAt(Slide)!;
        var members = Shapes.Select(s => session.ResolveShape(Slide, s).Shape).Distinct().ToList();
        var parent = members[0].Parent!;
        members = [.. parent.ChildElements.OfType<OpenXmlCompositeElement>().Where(members.Contains)];
        var bounds = members.Select(m => ShapeFrames.Of(m)!.Value.Bounds()).ToList();
        var left = bounds.Min(b => b.X);
        var top = bounds.Min(b => b.Y);
        var box = new Box(left, top, bounds.Max(b => b.Right) - left, bounds.Max(b => b.Bottom) - top);
        var id = SlideShapes.NextId(slide);
        var name = Name is { Length: > 0 } n ? n : $"Group {id - 1}";
        var group = new P.GroupShape(
            new P.NonVisualGroupShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = name },
                new P.NonVisualGroupShapeDrawingProperties(),
                new P.ApplicationNonVisualDrawingProperties()),
            new P.GroupShapeProperties(new A.TransformGroup(
                new A.Offset { X = box.X, Y = box.Y },
                new A.Extents { Cx = box.Width, Cy = box.Height },
                new A.ChildOffset { X = box.X, Y = box.Y },
                new A.ChildExtents { Cx = box.Width, Cy = box.Height })));
        members[^1].InsertAfterSelf(group);
        foreach (var member in members)
        {
            member.Remove();
            group.AppendChild(member);
        }

        return new Change("group_shapes", $"slide {Slide}, shape '{name}'",
            $"Grouped {members.Count} shapes ({string.Join(", ", members.Select(m => $"'{SlideShapes.Name(m)}'"))}) into '{name}' on slide {Slide}", members.Count);
    }

    private static bool LocksGrouping(OpenXmlElement shape) =>
        (shape.FirstChild?.Descendants() ?? []).Any(e => e.LocalName is "spLocks" or "picLocks" or "graphicFrameLocks" or "cxnSpLocks" or "grpSpLocks"
            && e.GetAttributes().Any(a => a.LocalName == "noGrp" && a.Value is "1" or "true"));
}
