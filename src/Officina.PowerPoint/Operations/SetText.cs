using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Replaces the text of a shape (a placeholder, text box or auto shape) with paragraphs at list
/// levels. The first run's character formatting and the first paragraph's properties carry over.
/// </summary>
[Operation("set_text", "Replace a shape's text with paragraphs (levels for bullets).")]
public sealed record SetText(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Shape id or name from read_slide, e.g. '3' or 'Title 1'")] string Shape,
    [property: Description("The new paragraphs, in order")] TextParagraph[] Paragraphs)
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
        if (session.TryResolveShape(Slide, Shape, errors, out _, out var shape) && shape is not P.Shape)
        {
            errors.Add(new("shape", "shape_has_text", $"Shape '{Shape}' is a {SlideShapes.Kind(shape)}, which holds no text frame; choose a placeholder, text box or shape."));
        }

        if (Paragraphs is null || Paragraphs.Length == 0)
        {
            errors.Add(new("paragraphs", "paragraphs_required", "paragraphs must hold at least one paragraph (use [{\"text\": \"\"}] to empty the shape)."));
        }

        errors.AddRange(TextParagraph.Check(Paragraphs, "paragraphs"));
        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (_, element) = session.ResolveShape(Slide, Shape);
        var shape = (P.Shape)element;
        shape.TextBody ??= new P.TextBody(new A.BodyProperties(), new A.ListStyle());
        ShapeText.SetParagraphs(shape.TextBody, Paragraphs);
        return new Change("set_text", $"slide {Slide}, shape '{SlideShapes.Name(shape)}'",
            $"Set {Paragraphs.Length} paragraph(s) in '{SlideShapes.Name(shape)}' on slide {Slide}", Paragraphs.Length);
    }
}
