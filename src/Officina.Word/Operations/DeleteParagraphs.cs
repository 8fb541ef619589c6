using System.ComponentModel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Deletes paragraphs by id. A paragraph that must stay (the last one of a table cell, or one
/// that ends a section) is emptied instead. Bookmarks in a deleted paragraph move to the next
/// paragraph; comments anchored in it are removed with it (their text is gone).
/// </summary>
[Operation("delete_paragraphs", "Delete paragraphs by id.")]
public sealed record DeleteParagraphs(
    [property: Description("Ids of the paragraphs to delete")] string[] Paragraphs)
    : WriteOperation<WordSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        foreach (var id in Paragraphs ?? [])
        {
            trace.AddressesParagraph(id);
            trace.Removes(DocumentTrace.Paragraph, id);
        }
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (Paragraphs is null || Paragraphs.Length == 0)
        {
            errors.Add(new("paragraphs", "paragraphs_required", "paragraphs must list at least one paragraph id."));
            return errors;
        }

        for (var i = 0; i < Paragraphs.Length; i++)
        {
            session.TryFind(Paragraphs[i], $"paragraphs[{i}]", errors, out _);
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var targets = Paragraphs.Select(id => session.Ids.Find(id)!).Distinct().ToList();
        foreach (var paragraph in targets)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            if (session.TrackChanges)
            {
                session.Revisions.MarkParagraphDeleted(paragraph);
                continue;
            }

            var mustStay = paragraph.ParagraphProperties?.GetFirstChild<SectionProperties>() is not null
                || (paragraph.Parent is TableCell cell && cell.Elements<Paragraph>().Count() == 1);
            if (mustStay)
            {
                SetParagraphText.Replace(session, paragraph, "");
                continue;
            }

            Detach(session, paragraph);
            paragraph.Remove();
        }

        return new Change("delete_paragraphs", string.Join(",", Paragraphs), $"Deleted {targets.Count} paragraph(s)", targets.Count);
    }

    /// <summary>Moves bookmarks out of <paramref name="paragraph"/> and removes comments anchored in it.</summary>
    internal static void Detach(WordSession session, Paragraph paragraph)
    {
        var next = paragraph.ElementsAfter().OfType<Paragraph>().FirstOrDefault() ?? paragraph.ElementsBefore().OfType<Paragraph>().LastOrDefault();
        foreach (var marker in paragraph.Descendants().Where(e => e is BookmarkStart or BookmarkEnd).ToList())
        {
            marker.Remove();
            if (next is not null)
            {
                var properties = next.ParagraphProperties;
                if (properties is null)
                {
                    next.PrependChild(marker);
                }
                else
                {
                    properties.InsertAfterSelf(marker);
                }
            }
        }

        var comments = paragraph.Descendants<CommentRangeStart>().Select(c => c.Id?.Value)
            .Concat(paragraph.Descendants<CommentRangeEnd>().Select(c => c.Id?.Value))
            .Concat(paragraph.Descendants<CommentReference>().Select(c => c.Id?.Value))
            .OfType<string>().Distinct().ToList();
        foreach (var id in comments)
        {
            RemoveComment(session, id);
        }
    }

    /// <summary>Removes a comment and every marker of it in the body.</summary>
    internal static void RemoveComment(WordSession session, string id)
    {
        foreach (var element in session.Body.Descendants().Where(e => e switch
        {
            CommentRangeStart s => s.Id?.Value == id,
            CommentRangeEnd e2 => e2.Id?.Value == id,
            _ => false,
        }).ToList())
        {
            element.Remove();
        }

        foreach (var reference in session.Body.Descendants<CommentReference>().Where(r => r.Id?.Value == id).ToList())
        {
            var run = reference.Parent;
            reference.Remove();
            if (run is Run r && r.ChildElements.All(c => c is RunProperties))
            {
                r.Remove();
            }
        }

        session.MainPart.WordprocessingCommentsPart?.Comments?.Elements<Comment>().FirstOrDefault(c => c.Id?.Value == id)?.Remove();
    }
}
