using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Copies a slide with its shapes, pictures, charts (their data copied) and notes, placing the
/// copy right after the original or at a given position.
/// </summary>
[Operation("duplicate_slide", "Copy a slide (shapes, pictures, charts, notes) to a position.")]
public sealed record DuplicateSlide(
    [property: Description("Slide to copy, 1-based")] int Slide,
    [property: Description("Position of the copy, 1-based, counted after insertion; null puts it right after the original")] int? Position = null)
    : WriteOperation<DeckSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
        trace.InsertsAt(DeckTrace.Slide, trace.Landed(Position ?? Slide + 1));
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolveSlide(Slide, "slide", errors, out _);
        var count = session.Slides.Count;
        if (Position is { } p && (p < 1 || p > count + 1))
        {
            errors.Add(new("position", "position_range", $"position must be from 1 to {count + 1}. Given: {p}."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var source = session.SlideAt(Slide)!;
        var copy = SlideFactory.Duplicate(session, source, (Position ?? Slide + 1) - 1);
        var position = session.PositionOf(copy);
        return new Change("duplicate_slide", $"slide {position}", $"Copied slide {Slide} to position {position}");
    }
}
