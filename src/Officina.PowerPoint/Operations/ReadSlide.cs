using System.ComponentModel;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using Officina.PowerPoint.Verification;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Reads one slide: every shape with its id, name, kind, position and size in points on the
/// slide and full text, group members nested under their group, shapes off the slide flagged,
/// the shape taken for the title marked; then the notes.
/// </summary>
[Operation("read_slide", "Read a slide's shapes (id, name, kind, position, text) and notes.")]
public sealed record ReadSlide(
    [property: Description("Slide position, 1-based")] int Slide)
    : ReadOperation<DeckSession>
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
        session.TryResolveSlide(Slide, "slide", errors, out _);
        return errors;
    }

    public override Observation Read(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slide = session.SlideAt(Slide)!;
        var layout = slide.SlideLayoutPart is { } l ? DeckSession.LayoutName(l) : "";
        var title = SlideTitle.Find(slide, session.SlideSize.Height);
        var text = new StringBuilder($"Slide {Slide} (layout '{layout}')\n");
        var shapes = new List<object>();
        foreach (var (shape, depth) in SlideShapes.Nested(slide))
        {
            Describe(session, slide, shape, depth, title, text, shapes);
        }

        var notes = SlideNotes.Text(slide);
        if (notes is { Length: > 0 })
        {
            text.AppendLine("Notes:\n  " + notes.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return new Observation("read_slide", $"slide {Slide}", text.ToString(), new { slide = Slide, layout, shapes, notes });
    }

    /// <summary>One shape: a line of text (indented under its group) and its entry in the structured result; positions are on the slide, out of any group.</summary>
    private static void Describe(DeckSession session, SlidePart slide, OpenXmlCompositeElement shape, int depth, (OpenXmlCompositeElement Shape, bool Inferred)? title, StringBuilder text, List<object> shapes)
    {
        var box = SlideShapes.AbsoluteGeometry(slide, shape);
        var content = ShapeText.Text(shape);
        var kind = SlideShapes.Kind(shape);
        var indent = new string(' ', 2 * depth);
        var isTitle = title?.Shape == shape;
        string? offSlide = null;
        if (box is { } edge && SlideShapes.Overhang(edge, session.SlideSize, LayoutChecks.EdgeTolerance) is { Count: > 0 } edges)
        {
            offSlide = (SlideShapes.EntirelyOff(edge, session.SlideSize) ? "entirely off the slide: " : "runs off the slide: ") + string.Join(", ", edges);
        }

        text.Append(CultureInfo.InvariantCulture, $"{indent}- shape {SlideShapes.Id(shape)} '{SlideShapes.Name(shape)}' ({kind}{(isTitle && title!.Value.Inferred ? ", taken for the title" : "")})");
        if (box is { } b)
        {
            text.Append(CultureInfo.InvariantCulture, $" x={Placement.Points(b.X):0.#} y={Placement.Points(b.Y):0.#} w={Placement.Points(b.Width):0.#} h={Placement.Points(b.Height):0.#}");
        }

        if (offSlide is not null)
        {
            text.Append(" [").Append(offSlide).Append(']');
        }

        if (kind == "picture" && SlideShapes.Properties(shape)?.Description?.Value is { Length: > 0 } alt)
        {
            text.Append(" alt \"").Append(alt).Append('"');
        }

        text.AppendLine(content.Length > 0 ? $":\n{indent}  " + content.Replace("\n", $"\n{indent}  ", StringComparison.Ordinal) : "");
        shapes.Add(new
        {
            id = SlideShapes.Id(shape),
            name = SlideShapes.Name(shape),
            kind,
            group = SlideShapes.Group(shape) is { } g ? SlideShapes.Id(g) : (uint?)null,
            title = isTitle,
            x = box is { } x ? Placement.Points(x.X) : (double?)null,
            y = box is { } y ? Placement.Points(y.Y) : (double?)null,
            width = box is { } w ? Placement.Points(w.Width) : (double?)null,
            height = box is { } h ? Placement.Points(h.Height) : (double?)null,
            off_slide = offSlide,
            text = content,
        });
    }
}
