using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Deletes a shape (with the shapes in it, for a group). A chart's part goes with it; a
/// picture's image goes when nothing else in the deck shows it.
/// </summary>
[Operation("delete_shape", "Delete a shape, picture, table or chart from a slide.")]
public sealed record DeleteShape(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Shape id or name from read_slide")] string Shape)
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
        session.TryResolveShape(Slide, Shape, errors, out _, out _);
        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (slide, shape) = session.ResolveShape(Slide, Shape);
        var name = SlideShapes.Name(shape);
        var kind = SlideShapes.Kind(shape);
        var charts = shape.Descendants<C.ChartReference>().Select(c => c.Id?.Value).OfType<string>().ToList();
        var images = shape.Descendants<A.Blip>().Select(b => b.Embed?.Value).OfType<string>().ToList();
        shape.Remove();
        ImageSources.DropUnused(slide, charts.Concat(images));
        return new Change("delete_shape", $"slide {Slide}", $"Deleted {kind} '{name}' from slide {Slide}");
    }
}
