using System.ComponentModel;
using DocumentFormat.OpenXml.Presentation;
using Officina.Operations;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Deletes a slide with its notes, charts and (when no other slide uses them) its media; custom
/// shows and sections stop listing it. Later slides move up one position.
/// </summary>
[Operation("delete_slide", "Delete a slide; later slides move up.")]
public sealed record DeleteSlide(
    [property: Description("Slide to delete, 1-based")] int Slide)
    : WriteOperation<DeckSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.RemovesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolveSlide(Slide, "slide", errors, out _);
        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slide = session.SlideAt(Slide)!;
        var relationshipId = session.PresentationPart.GetIdOfPart(slide);
        var entry = session.Presentation.SlideIdList!.Elements<SlideId>().First(s => s.RelationshipId?.Value == relationshipId);
        var slideId = entry.Id?.Value;
        entry.Remove();
        foreach (var listed in session.Presentation.CustomShowList?.Descendants<SlideListEntry>().Where(e => e.Id?.Value == relationshipId).ToList() ?? [])
        {
            listed.Remove();
        }

        // PowerPoint 2010 sections (p14:sectionLst) list slides by id.
        foreach (var section in session.Presentation.PresentationExtensionList?.Descendants()
            .Where(e => e.LocalName == "sldId" && e.GetAttributes().Any(a => a.LocalName == "id" && a.Value == slideId?.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList() ?? [])
        {
            section.Remove();
        }

        session.PresentationPart.DeletePart(slide);
        return new Change("delete_slide", $"slide {Slide}", $"Deleted slide {Slide}");
    }
}
