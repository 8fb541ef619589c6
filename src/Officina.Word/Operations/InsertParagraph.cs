using System.ComponentModel;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Inserts a paragraph of text before or after a paragraph (by id), or at the start or end of the
/// document, in a given style (by name or id; built-in styles such as Quote are added when missing).
/// Line feeds in the text become line breaks within the paragraph.
/// </summary>
[Operation("insert_paragraph", "Insert a paragraph of text before/after a paragraph id, or at the start or end.")]
public sealed record InsertParagraph(
    [property: Description("Paragraph id from inspection, or 'start' / 'end' of the document")] string Anchor,
    [property: Description("The paragraph's text")] string Text,
    [property: Description("'after' (default) or 'before' the anchor paragraph")] InsertPosition? Position = null,
    [property: Description("Paragraph style name or id, e.g. 'Normal', 'Quote'; null for Normal")] string? Style = null)
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
        if (Text is null)
        {
            errors.Add(new("text", "text_required", "text is required (it may be empty for a blank paragraph)."));
        }

        StyleRules.Check(session, Style, "style", errors);
        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var paragraph = ParagraphFactory.Create(Text, session.Styles.Ensure(Style));
        session.Insert(Anchor, Position, [paragraph]);
        ParagraphFactory.Track(session, paragraph);
        var id = session.Ids.Of(paragraph);
        return new Change("insert_paragraph", id, $"Inserted paragraph {id} {Anchors.Describe(Anchor, Position)}");
    }
}

/// <summary>Validation of style names shared by the operations that take one.</summary>
internal static class StyleRules
{
    public static void Check(WordSession session, string? style, string property, ICollection<OperationError> errors)
    {
        if (style is null || session.Styles.IsAvailable(style))
        {
            return;
        }

        var names = session.Styles.All
            .Where(s => s.Type == DocumentFormat.OpenXml.Wordprocessing.StyleValues.Paragraph)
            .Select(s => s.Name).Where(n => n is not null).Take(15);
        errors.Add(new(property, "style_exists",
            $"There is no style named '{style}'. Styles in the document: {string.Join(", ", names.Select(n => $"'{n}'"))}; built-in ones such as 'Heading 1'–'Heading 6', 'Title', 'Subtitle', 'Quote', 'List Paragraph' are added when used."));
    }
}
