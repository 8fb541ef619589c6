using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>A shape's position and size in EMU.</summary>
public readonly record struct Box(long X, long Y, long Width, long Height)
{
    public long Right => X + Width;

    public long Bottom => Y + Height;
}

/// <summary>
/// The shapes of a slide (or layout, master, notes slide): finding them by id or name, their
/// kind, their placeholder, and their geometry, inherited from the layout and master when a
/// placeholder does not set its own.
/// </summary>
public static class SlideShapes
{
    /// <summary>Every shape in <paramref name="tree"/>, groups and the shapes inside them, in document order.</summary>
    public static IEnumerable<OpenXmlCompositeElement> All(OpenXmlCompositeElement? tree) =>
        tree is null ? [] : tree.Descendants<OpenXmlCompositeElement>().Where(IsShape);

    /// <summary>The shapes directly on the slide (not inside groups).</summary>
    public static IEnumerable<OpenXmlCompositeElement> TopLevel(SlidePart slide) =>
        slide?.Slide?.CommonSlideData?.ShapeTree?.Elements<OpenXmlCompositeElement>().Where(IsShape) ?? [];

    public static IEnumerable<OpenXmlCompositeElement> All(SlidePart slide) => All(slide?.Slide?.CommonSlideData?.ShapeTree);

    /// <summary>The slide's shapes in document order, each group followed by its members, with how deep in groups each sits (0 on the slide).</summary>
    public static IEnumerable<(OpenXmlCompositeElement Shape, int Depth)> Nested(SlidePart slide)
    {
        static IEnumerable<(OpenXmlCompositeElement, int)> Walk(OpenXmlCompositeElement? tree, int depth)
        {
            foreach (var shape in tree?.Elements<OpenXmlCompositeElement>().Where(IsShape) ?? [])
            {
                yield return (shape, depth);
                foreach (var member in shape is P.GroupShape group ? Walk(group, depth + 1) : [])
                {
                    yield return member;
                }
            }
        }

        return Walk(slide?.Slide?.CommonSlideData?.ShapeTree, 0);
    }

    public static bool IsShape(OpenXmlElement element) =>
        element is P.Shape or P.Picture or P.GraphicFrame or P.GroupShape or P.ConnectionShape;

    /// <summary>The shape's <c>p:cNvPr</c> (id, name, description).</summary>
    public static P.NonVisualDrawingProperties? Properties(OpenXmlElement shape) => shape switch
    {
        P.Shape s => s.NonVisualShapeProperties?.NonVisualDrawingProperties,
        P.Picture p => p.NonVisualPictureProperties?.NonVisualDrawingProperties,
        P.GraphicFrame g => g.NonVisualGraphicFrameProperties?.NonVisualDrawingProperties,
        P.GroupShape g => g.NonVisualGroupShapeProperties?.NonVisualDrawingProperties,
        P.ConnectionShape c => c.NonVisualConnectionShapeProperties?.NonVisualDrawingProperties,
        _ => null,
    };

    public static uint Id(OpenXmlElement shape) => Properties(shape)?.Id?.Value ?? 0;

    public static string Name(OpenXmlElement shape) => Properties(shape)?.Name?.Value ?? "";

    /// <summary>The placeholder a shape stands for, or null.</summary>
    public static P.PlaceholderShape? Placeholder(OpenXmlElement shape) => shape switch
    {
        P.Shape s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape,
        P.Picture p => p.NonVisualPictureProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape,
        P.GraphicFrame g => g.NonVisualGraphicFrameProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape,
        _ => null,
    };

    /// <summary>The placeholder type as PowerPoint names it in XML (<c>title</c>, <c>body</c>, …); <c>obj</c> for content placeholders without one.</summary>
    public static string? PlaceholderType(OpenXmlElement shape) =>
        Placeholder(shape) is { } ph ? (ph.Type?.HasValue == true ? ph.Type.InnerText : "obj") : null;

    public static bool IsTitle(OpenXmlElement shape) => PlaceholderType(shape) is "title" or "ctrTitle";

    /// <summary>What a person would call the shape: title, subtitle, body, text box, picture, table, chart, group, connector, shape.</summary>
    public static string Kind(OpenXmlElement shape)
    {
        switch (PlaceholderType(shape))
        {
            case "title" or "ctrTitle":
                return "title";
            case "subTitle":
                return "subtitle";
            case "body" or "obj":
                return shape is P.Shape ? "body" : GraphicKind(shape);
            case "dt" or "ftr" or "sldNum" or "hdr":
                return "footer";
            case { } other when shape is P.Shape:
                return other + " placeholder";
        }

        return shape switch
        {
            P.Shape s when s.NonVisualShapeProperties?.NonVisualShapeDrawingProperties?.TextBox?.Value == true => "text box",
            P.Shape => "shape",
            P.Picture => "picture",
            P.GroupShape => "group",
            P.ConnectionShape => "connector",
            _ => GraphicKind(shape),
        };
    }

    private static string GraphicKind(OpenXmlElement shape)
    {
        var uri = shape.Descendants<A.GraphicData>().FirstOrDefault()?.Uri?.Value ?? "";
        return uri.EndsWith("/table", StringComparison.Ordinal) ? "table"
            : uri.EndsWith("/chart", StringComparison.Ordinal) || uri.Contains("chartex", StringComparison.Ordinal) ? "chart"
            : uri.EndsWith("/diagram", StringComparison.Ordinal) ? "diagram"
            : uri.Length > 0 ? "graphic" : shape is P.Picture ? "picture" : "placeholder";
    }

    /// <summary>
    /// Finds a shape by id (digits) or name (case-insensitive); <paramref name="error"/> lists the
    /// slide's shapes when nothing or more than one shape matches.
    /// </summary>
    public static bool TryFind(SlidePart slide, string? reference, out OpenXmlCompositeElement shape, out string error)
    {
        shape = null!;
        error = "";
        var shapes = All(slide).ToList();
        var text = reference?.Trim() ?? "";
        if (text.Length > 0 && uint.TryParse(text, out var id))
        {
            var byId = shapes.FirstOrDefault(s => Id(s) == id);
            if (byId is not null)
            {
                shape = byId;
                return true;
            }
        }

        var byName = shapes.Where(s => string.Equals(Name(s), text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count == 1)
        {
            shape = byName[0];
            return true;
        }

        error = byName.Count > 1
            ? $"{byName.Count} shapes are named '{text}' (ids {string.Join(", ", byName.Select(Id))}); give the id instead."
            : $"no shape has the id or name '{text}'. Shapes: {(shapes.Count == 0 ? "none" : string.Join(", ", shapes.Select(s => $"{Id(s)} '{Name(s)}' ({Kind(s)})")))}.";
        return false;
    }

    /// <summary>An id no shape on the slide uses yet.</summary>
    public static uint NextId(SlidePart slide)
    {
        var tree = slide?.Slide?.CommonSlideData?.ShapeTree;
        return tree is null ? 2 : tree.Descendants<P.NonVisualDrawingProperties>().Select(p => p.Id?.Value ?? 0).DefaultIfEmpty(1u).Max() + 1;
    }

    /// <summary>The layout (and master) placeholder a slide placeholder inherits from, matched by type for titles and footers, by idx otherwise.</summary>
    public static OpenXmlCompositeElement? Inherited(OpenXmlCompositeElement? tree, P.PlaceholderShape placeholder)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        var type = placeholder.Type?.HasValue == true ? placeholder.Type.InnerText : null;
        var candidates = All(tree).Where(s => Placeholder(s) is not null).ToList();
        static string? TypeOf(OpenXmlElement s) => Placeholder(s)!.Type?.HasValue == true ? Placeholder(s)!.Type!.InnerText : null;
        static bool SameFamily(string? a, string? b) =>
            a == b || (a is "title" or "ctrTitle" && b is "title" or "ctrTitle") || (a is null or "body" or "obj" or "subTitle" && b is null or "body" or "obj" or "subTitle");
        if (type is "title" or "ctrTitle" or "dt" or "ftr" or "sldNum" or "hdr")
        {
            return candidates.FirstOrDefault(s => SameFamily(TypeOf(s), type));
        }

        if (placeholder.Index?.Value is { } idx)
        {
            var byIndex = candidates.FirstOrDefault(s => Placeholder(s)!.Index?.Value == idx);
            if (byIndex is not null)
            {
                return byIndex;
            }
        }

        return candidates.FirstOrDefault(s => TypeOf(s) == type) ?? candidates.FirstOrDefault(s => SameFamily(TypeOf(s), type) && TypeOf(s) is not ("title" or "ctrTitle"));
    }

    /// <summary>The shape's own transform, or null when it has none.</summary>
    public static A.Transform2D? OwnTransform(OpenXmlElement shape) => shape switch
    {
        P.Shape s => s.ShapeProperties?.Transform2D,
        P.Picture p => p.ShapeProperties?.Transform2D,
        P.ConnectionShape c => c.ShapeProperties?.Transform2D,
        _ => null,
    };

    /// <summary>The shape's box: its own transform, else its layout placeholder's, else its master placeholder's; null when none is known.</summary>
    public static Box? Geometry(SlidePart slide, OpenXmlElement shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape is P.GraphicFrame frame)
        {
            return BoxOf(frame.Transform?.Offset, frame.Transform?.Extents);
        }

        if (shape is P.GroupShape group)
        {
            return BoxOf(group.GroupShapeProperties?.TransformGroup?.Offset, group.GroupShapeProperties?.TransformGroup?.Extents);
        }

        if (OwnTransform(shape) is { } own && BoxOf(own.Offset, own.Extents) is { } box)
        {
            return box;
        }

        if (Placeholder(shape) is not { } ph || slide?.SlideLayoutPart is not { } layout)
        {
            return null;
        }

        var fromLayout = Inherited(layout.SlideLayout?.CommonSlideData?.ShapeTree, ph);
        if (fromLayout is not null && OwnTransform(fromLayout) is { } lt && BoxOf(lt.Offset, lt.Extents) is { } layoutBox)
        {
            return layoutBox;
        }

        var master = layout.SlideMasterPart?.SlideMaster?.CommonSlideData?.ShapeTree;
        var fromMaster = Inherited(master, Placeholder(fromLayout ?? shape) ?? ph);
        return fromMaster is not null && OwnTransform(fromMaster) is { } mt ? BoxOf(mt.Offset, mt.Extents) : null;
    }

    /// <summary>The group a shape sits in, or null for a shape directly on the slide.</summary>
    public static P.GroupShape? Group(OpenXmlElement shape) => shape?.Parent as P.GroupShape;

    /// <summary>
    /// The shape's box on the slide: <see cref="Geometry"/>, mapped out of each group it sits in
    /// (a group's child offset and extents are the space its children are placed in, drawn at the
    /// group's own offset and extents).
    /// </summary>
    public static Box? AbsoluteGeometry(SlidePart slide, OpenXmlElement shape)
    {
        if (Geometry(slide, shape) is not { } box)
        {
            return null;
        }

        for (var group = Group(shape); group is not null; group = Group(group))
        {
            var transform = group.GroupShapeProperties?.TransformGroup;
            if (transform?.Offset is not { } offset || transform.Extents is not { } extents)
            {
                continue;
            }

            var childOffset = (X: transform.ChildOffset?.X?.Value ?? offset.X?.Value ?? 0, Y: transform.ChildOffset?.Y?.Value ?? offset.Y?.Value ?? 0);
            var childExtents = (Cx: transform.ChildExtents?.Cx?.Value ?? 0, Cy: transform.ChildExtents?.Cy?.Value ?? 0);
            var scaleX = childExtents.Cx > 0 ? (double)(extents.Cx?.Value ?? 0) / childExtents.Cx : 1;
            var scaleY = childExtents.Cy > 0 ? (double)(extents.Cy?.Value ?? 0) / childExtents.Cy : 1;
            box = new Box(
                (offset.X?.Value ?? 0) + (long)Math.Round((box.X - childOffset.X) * scaleX),
                (offset.Y?.Value ?? 0) + (long)Math.Round((box.Y - childOffset.Y) * scaleY),
                (long)Math.Round(box.Width * scaleX),
                (long)Math.Round(box.Height * scaleY));
        }

        return box;
    }

    /// <summary>Where a box pokes past the slide (e.g. "12 pt past the right edge"), by more than <paramref name="tolerance"/> points; empty when it is on the slide.</summary>
    public static IReadOnlyList<string> Overhang(Box box, (long Width, long Height) slide, double tolerance)
    {
        var edges = new List<string>();
        void Add(string edge, long overEmu)
        {
            var points = overEmu / 12700.0;
            if (points > tolerance)
            {
                edges.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{points:0} pt past the {edge} edge"));
            }
        }

        Add("left", -box.X);
        Add("top", -box.Y);
        Add("right", box.Right - slide.Width);
        Add("bottom", box.Bottom - slide.Height);
        return edges;
    }

    /// <summary>True when no part of the box is on the slide.</summary>
    public static bool EntirelyOff(Box box, (long Width, long Height) slide) =>
        box.Right <= 0 || box.Bottom <= 0 || box.X >= slide.Width || box.Y >= slide.Height;

    private static Box? BoxOf(A.Offset? offset, A.Extents? extents) =>
        offset is null || extents is null ? null
            : new Box(offset.X?.Value ?? 0, offset.Y?.Value ?? 0, extents.Cx?.Value ?? 0, extents.Cy?.Value ?? 0);
}
