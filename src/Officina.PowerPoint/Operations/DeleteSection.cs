using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using P14 = DocumentFormat.OpenXml.Office2010.PowerPoint;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Removes a section marker, not its slides: they join the section before it (the one after it
/// when it is the first), as PowerPoint's Remove Section does. Removing the last section leaves
/// the deck without sections.
/// </summary>
[Operation("delete_section", "Remove a section (its slides stay, joining the section before it).")]
public sealed record DeleteSection(
    [property: Description("The section's name (from list_slides)")] string Section)
    : WriteOperation<DeckSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.Removes("section", Section);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (SlideSections.Find(session.Presentation, Section) is null)
        {
            var all = SlideSections.All(session.Presentation);
            errors.Add(new("section", "section_exists", all.Count == 0
                ? $"The deck has no sections. Given: '{Section}'."
                : $"There is no section named '{Section}'. Sections: {string.Join(", ", all.Select(s => $"'{SlideSections.Name(s)}'"))}."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var section = SlideSections.Find(session.Presentation, Section)!;
        var name = SlideSections.Name(section);
        var entries = section.Descendants<P14.SectionSlideIdListEntry>().ToList();
        var previous = section.PreviousSibling<P14.Section>();
        var next = section.NextSibling<P14.Section>();
        var list = section.Parent!;
        section.Remove();
        var into = previous ?? next;
        if (into is null)
        {
            // No section left: drop the list (and its extension) rather than leave an empty one.
            var extension = list.Parent;
            list.Remove();
            if (extension is not null && !extension.HasChildren)
            {
                var extensions = extension.Parent;
                extension.Remove();
                if (extensions is not null && !extensions.HasChildren)
                {
                    extensions.Remove();
                }
            }

            return new Change("delete_section", $"section '{name}'", $"Removed section '{name}'; the deck has no sections now");
        }

        var ids = into.GetFirstChild<P14.SectionSlideIdList>() ?? into.PrependChild(new P14.SectionSlideIdList());
        var at = 0;
        foreach (var entry in entries.Select(e => (P14.SectionSlideIdListEntry)e.CloneNode(true)))
        {
            // Joining the section before: after its slides; joining the one after: before them.
            if (previous is not null)
            {
                ids.AppendChild(entry);
            }
            else
            {
                ids.InsertAt(entry, at++);
            }
        }

        return new Change("delete_section", $"section '{name}'",
            $"Removed section '{name}'; its {entries.Count} slide(s) joined section '{SlideSections.Name(into)}'", entries.Count);
    }
}
