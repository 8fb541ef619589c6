using System.ComponentModel;
using DocumentFormat.OpenXml.Presentation;
using Officina.Operations;

namespace Officina.PowerPoint.Operations;

/// <summary>Moves a slide to another position; the slides between shift by one.</summary>
[Operation("move_slide", "Move a slide to another position.")]
public sealed record MoveSlide(
    [property: Description("Slide to move, 1-based")] int Slide,
    [property: Description("Its new position, 1-based")] int To)
    : WriteOperation<DeckSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.MovesAt(DeckTrace.Slide, Slide, To);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolveSlide(Slide, "slide", errors, out _);
        var count = session.Slides.Count;
        if (To < 1 || To > count)
        {
            errors.Add(new("to", "position_range", $"to must be from 1 to {count}. Given: {To}."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var list = session.Presentation.SlideIdList!;
        var ids = list.Elements<SlideId>().ToList();
        var moving = ids[Slide - 1];
        moving.Remove();
        ids.RemoveAt(Slide - 1);
        if (To - 1 < ids.Count)
        {
            list.InsertBefore(moving, ids[To - 1]);
        }
        else
        {
            list.AppendChild(moving);
        }

        Deck.SlideSections.Place(session.Presentation, moving.Id!.Value, (moving.PreviousSibling() as SlideId)?.Id?.Value);

        return new Change("move_slide", $"slide {To}", $"Moved slide {Slide} to position {To}");
    }
}
