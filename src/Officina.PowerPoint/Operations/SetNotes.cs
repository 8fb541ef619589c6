using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>Sets a slide's speaker notes (replacing any), adding the notes page when the slide has none.</summary>
[Operation("set_notes", "Set a slide's speaker notes.")]
public sealed record SetNotes(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The notes text; line breaks start new paragraphs; \"\" clears the notes")] string Text)
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
        session.TryResolveSlide(Slide, "slide", errors, out _);
        if (Text is null)
        {
            errors.Add(new("text", "text_required", "text is required (\"\" clears the notes). Given: null."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        SlideNotes.Set(session, session.SlideAt(Slide)!, Text);
        return new Change("set_notes", $"slide {Slide}", Text.Length == 0 ? $"Cleared the notes of slide {Slide}" : $"Set the notes of slide {Slide} ({Text.Length} characters)");
    }
}
