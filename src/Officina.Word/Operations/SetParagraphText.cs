using System.ComponentModel;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Replaces the whole text of a paragraph, keeping its paragraph style and the formatting of its
/// first run. Bookmarks and comment ranges in the paragraph stay.
/// </summary>
[Operation("set_paragraph_text", "Replace a paragraph's whole text, keeping its style and first run's formatting.")]
public sealed record SetParagraphText(
    [property: Description("Paragraph id from inspection")] string Paragraph,
    [property: Description("The new text")] string Text)
    : WriteOperation<WordSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesParagraph(Paragraph);
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryFind(Paragraph, "paragraph", errors, out _);
        if (Text is null)
        {
            errors.Add(new("text", "text_required", "text is required (it may be empty)."));
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var paragraph = session.Ids.Find(Paragraph)!;
        Replace(session, paragraph, Text);
        return new Change("set_paragraph_text", Paragraph, $"Set the text of paragraph {Paragraph}");
    }

    /// <summary>Replaces the visible text of <paramref name="paragraph"/>; tracked as a deletion plus an insertion when the session tracks changes.</summary>
    internal static void Replace(WordSession session, Paragraph paragraph, string text)
    {
        var runs = ParagraphText.Runs(paragraph).ToList();
        var model = runs.FirstOrDefault(r => r.Elements<Text>().Any()) ?? runs.FirstOrDefault();
        var replacement = RunSplitter.NewRunLike(model, text);
        if (session.TrackChanges)
        {
            foreach (var run in runs)
            {
                session.Revisions.MarkDeleted(run);
            }

            if (text.Length > 0)
            {
                paragraph.AppendChild(replacement);
                session.Revisions.MarkInserted(replacement);
            }

            return;
        }

        foreach (var element in paragraph.ChildElements.Where(c => c is Run or Hyperlink or SimpleField or InsertedRun or DeletedRun or SdtRun or CustomXmlRun or MoveToRun or MoveFromRun).ToList())
        {
            element.Remove();
        }

        if (text.Length > 0)
        {
            paragraph.AppendChild(replacement);
        }
    }
}
