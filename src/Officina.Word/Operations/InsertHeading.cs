using System.ComponentModel;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>Inserts a heading (style Heading 1–6, added when the document lacks it) at an anchor.</summary>
[Operation("insert_heading", "Insert a heading (level 1-6) before/after a paragraph id, or at the start or end.")]
public sealed record InsertHeading(
    [property: Description("Paragraph id from inspection, or 'start' / 'end' of the document")] string Anchor,
    [property: Description("The heading text")] string Text,
    [property: Description("Heading level 1 (top) to 6")] int Level,
    [property: Description("'after' (default) or 'before' the anchor paragraph")] InsertPosition? Position = null)
    : WriteOperation<WordSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.InsertsParagraphs(Anchor);
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryValidate(Anchor, "anchor", errors);
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new("text", "text_required", "A heading needs text. Given: an empty value."));
        }

        if (Level is < 1 or > 6)
        {
            errors.Add(new("level", "heading_level", $"level must be between 1 and 6. Given: {Level}."));
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var paragraph = ParagraphFactory.Create(Text, session.Styles.Ensure($"Heading{Level}"));
        session.Insert(Anchor, Position, [paragraph]);
        ParagraphFactory.Track(session, paragraph);
        var id = session.Ids.Of(paragraph);
        return new Change("insert_heading", id, $"Inserted heading {Level} \"{Text}\" ({id}) {Anchors.Describe(Anchor, Position)}");
    }
}
