using System.ComponentModel;
using System.Globalization;
using System.Text;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>Reads one slide: every shape with its id, name, kind, position and size in points and full text, then the notes.</summary>
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
        var text = new StringBuilder($"Slide {Slide} (layout '{layout}')\n");
        var shapes = new List<object>();
        foreach (var shape in SlideShapes.All(slide))
        {
            var box = SlideShapes.Geometry(slide, shape);
            var content = ShapeText.Text(shape);
            var kind = SlideShapes.Kind(shape);
            text.Append(CultureInfo.InvariantCulture, $"- shape {SlideShapes.Id(shape)} '{SlideShapes.Name(shape)}' ({kind})");
            if (box is { } b)
            {
                text.Append(CultureInfo.InvariantCulture, $" x={Placement.Points(b.X):0.#} y={Placement.Points(b.Y):0.#} w={Placement.Points(b.Width):0.#} h={Placement.Points(b.Height):0.#}");
            }

            text.AppendLine(content.Length > 0 ? ":\n  " + content.Replace("\n", "\n  ", StringComparison.Ordinal) : "");
            shapes.Add(new
            {
                id = SlideShapes.Id(shape),
                name = SlideShapes.Name(shape),
                kind,
                x = box is { } x ? Placement.Points(x.X) : (double?)null,
                y = box is { } y ? Placement.Points(y.Y) : (double?)null,
                width = box is { } w ? Placement.Points(w.Width) : (double?)null,
                height = box is { } h ? Placement.Points(h.Height) : (double?)null,
                text = content,
            });
        }

        var notes = SlideNotes.Text(slide);
        if (notes is { Length: > 0 })
        {
            text.AppendLine("Notes:\n  " + notes.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return new Observation("read_slide", $"slide {Slide}", text.ToString(), new { slide = Slide, layout, shapes, notes });
    }
}
