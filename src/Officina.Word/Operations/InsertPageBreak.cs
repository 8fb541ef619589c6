using System.ComponentModel;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>Inserts a page break (a paragraph holding <c>w:br w:type="page"</c>) at an anchor.</summary>
[Operation("insert_page_break", "Insert a page break before/after a paragraph id, or at the start or end.")]
public sealed record InsertPageBreak(
    [property: Description("Paragraph id from inspection, or 'start' / 'end' of the document")] string Anchor,
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
        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var paragraph = new Paragraph(new Run(new Break { Type = BreakValues.Page }));
        session.Insert(Anchor, Position, [paragraph]);
        ParagraphFactory.Track(session, paragraph);
        var id = session.Ids.Of(paragraph);
        return new Change("insert_page_break", id, $"Inserted a page break {Anchors.Describe(Anchor, Position)}");
    }
}
