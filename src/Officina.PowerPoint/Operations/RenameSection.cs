using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>Renames a section of slides (see <see cref="AddSection"/>); its slides stay as they are.</summary>
[Operation("rename_section", "Rename a section of slides.")]
public sealed record RenameSection(
    [property: Description("The section's current name (from list_slides)")] string Section,
    [property: Description("The new name")] string Name)
    : WriteOperation<DeckSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.Renames("section", Section, Name);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var section = SlideSections.Find(session.Presentation, Section);
        if (section is null)
        {
            var all = SlideSections.All(session.Presentation);
            errors.Add(new("section", "section_exists", all.Count == 0
                ? $"The deck has no sections; add one with add_section. Given: '{Section}'."
                : $"There is no section named '{Section}'. Sections: {string.Join(", ", all.Select(s => $"'{SlideSections.Name(s)}'"))}."));
        }

        if (section is null || !string.Equals(Name?.Trim(), SlideSections.Name(section), StringComparison.OrdinalIgnoreCase))
        {
            AddSection.CheckName(session, Name, "name", errors);
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var section = SlideSections.Find(session.Presentation, Section)!;
        var old = SlideSections.Name(section);
        section.Name = Name.Trim();
        return new Change("rename_section", $"section '{Name.Trim()}'", $"Renamed section '{old}' to '{Name.Trim()}'");
    }
}
