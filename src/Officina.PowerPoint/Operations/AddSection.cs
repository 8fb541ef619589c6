using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using P = DocumentFormat.OpenXml.Presentation;
using P14 = DocumentFormat.OpenXml.Office2010.PowerPoint;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Starts a named section (PowerPoint 2010 sections, <c>p14:sectionLst</c>) at a slide: the
/// section holds that slide and the ones after it up to the next section. In a deck without
/// sections, the slides before it go into a "Default Section", as PowerPoint names it. Adding,
/// copying, moving and deleting slides keeps every slide listed in exactly one section.
/// </summary>
[Operation("add_section", "Start a named section of slides at a slide.")]
public sealed record AddSection(
    [property: Description("Section name, e.g. 'Results'")] string Name,
    [property: Description("Position of the section's first slide, 1-based")] int Slide)
    : WriteOperation<DeckSession>
{
    public const int MaxNameLength = 255;

    public const string DefaultSection = "Default Section";

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
        trace.Creates("section", Name);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        CheckName(session, Name, "name", errors);
        if (!session.TryResolveSlide(Slide, "slide", errors, out _) || errors.Count > 0)
        {
            return errors;
        }

        var id = SlideId(session, Slide);
        if (SlideSections.All(session.Presentation).FirstOrDefault(s => SlideSections.SlideIds(s) is [var first, ..] && first == id) is { } starts)
        {
            errors.Add(new("slide", "section_start", $"Slide {Slide} already starts section '{SlideSections.Name(starts)}'; rename it with rename_section, or start the new section at another slide."));
        }

        return errors;
    }

    /// <summary>Errors for a section name that is empty, too long or already used.</summary>
    public static void CheckName(DeckSession session, string? name, string path, ICollection<OperationError> errors)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(errors);
        var text = name?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxNameLength)
        {
            errors.Add(new(path, "section_name", $"A section name has 1 to {MaxNameLength} characters. Given: '{name}'."));
        }
        else if (SlideSections.Find(session.Presentation, text) is not null)
        {
            errors.Add(new(path, "section_unique", $"There is already a section named '{text}'. Sections: {string.Join(", ", SlideSections.All(session.Presentation).Select(s => $"'{SlideSections.Name(s)}'"))}."));
        }
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var name = Name.Trim();
        SlideSections.Reconcile(session.Presentation);
        var id = SlideId(session, Slide);
        var order = session.Presentation.SlideIdList!.Elements<P.SlideId>().Select(s => s.Id!.Value).ToList();
        var list = SlideSections.Of(session.Presentation);
        if (list is null)
        {
            list = SlideSections.Ensure(session.Presentation);
            var before = order.TakeWhile(i => i != id).ToList();
            if (before.Count > 0)
            {
                list.AppendChild(SlideSections.NewSection(SlideSections.Find(session.Presentation, DefaultSection) is null && name != DefaultSection ? DefaultSection : "Untitled Section", before));
            }

            list.AppendChild(SlideSections.NewSection(name, order.Skip(before.Count)));
        }
        else
        {
            var entry = list.Descendants<P14.SectionSlideIdListEntry>().First(e => e.Id?.Value == id);
            var section = entry.Ancestors<P14.Section>().First();
            var moving = new List<P14.SectionSlideIdListEntry> { entry };
            moving.AddRange(entry.ElementsAfter().OfType<P14.SectionSlideIdListEntry>());
            moving.ForEach(e => e.Remove());
            section.InsertAfterSelf(SlideSections.NewSection(name, moving.Select(e => e.Id!.Value)));
        }

        var created = SlideSections.Find(session.Presentation, name)!;
        var count = SlideSections.SlideIds(created).Count;
        return new Change("add_section", $"section '{name}'", $"Added section '{name}' starting at slide {Slide} ({count} slide(s))", count);
    }

    private static uint SlideId(DeckSession session, int position) =>
        session.Presentation.SlideIdList!.Elements<P.SlideId>().ElementAt(position - 1).Id!.Value;
}
