using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Inserts a table of contents: a TOC field over heading levels 1..<see cref="Levels"/>, marked
/// dirty so Word rebuilds it (with page numbers) when the document opens. Until then its
/// result lists the current headings, so other readers show a useful list too.
/// </summary>
[Operation("insert_table_of_contents", "Insert a table of contents (TOC field Word updates on open) at an anchor.")]
public sealed record InsertTableOfContents(
    [property: Description("Paragraph id from inspection, or 'start' / 'end' of the document")] string Anchor,
    [property: Description("Title above the table; null for 'Contents', \"\" for none")] string? Title = null,
    [property: Description("Deepest heading level listed (1–9); null for 3")] int? Levels = null,
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
        if (Levels is < 1 or > 9)
        {
            errors.Add(new("levels", "toc_levels", $"levels must be between 1 and 9. Given: {Levels}."));
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var depth = Levels ?? 3;
        var headings = GetOutline.Headings(session).Where(h => h.Level <= depth).ToList();
        var blocks = new List<OpenXmlElement>();
        var title = Title ?? "Contents";
        if (title.Length > 0)
        {
            blocks.Add(ParagraphFactory.Create(title, session.Styles.Ensure("TOCHeading")));
        }

        var entries = headings.Count == 0
            ? [("No headings yet: update the table of contents in Word (F9).", 1)]
            : headings.Select(h => (h.Text, h.Level)).ToList();
        var instruction = string.Create(CultureInfo.InvariantCulture, $" TOC \\o \"1-{depth}\" \\h \\z \\u ");
        for (var i = 0; i < entries.Count; i++)
        {
            var (text, level) = entries[i];
            var paragraph = new Paragraph(new ParagraphProperties(new Indentation { Left = ((level - 1) * 220).ToString(CultureInfo.InvariantCulture) }));
            if (i == 0)
            {
                paragraph.AppendChild(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }));
                paragraph.AppendChild(new Run(new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve }));
                paragraph.AppendChild(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }

            var run = new Run();
            RunSplitter.AppendText(run, text);
            paragraph.AppendChild(run);
            if (i == entries.Count - 1)
            {
                paragraph.AppendChild(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }

            blocks.Add(paragraph);
        }

        session.Insert(Anchor, Position, blocks);
        foreach (var block in blocks)
        {
            ParagraphFactory.Track(session, block);
        }

        var id = session.Ids.Of((Paragraph)blocks[0]);
        return new Change("insert_table_of_contents", id, $"Inserted a table of contents (levels 1–{depth}, {headings.Count} heading(s)) {Anchors.Describe(Anchor, Position)}", headings.Count);
    }
}
