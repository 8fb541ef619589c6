using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Adds a comment on a paragraph, or on the first occurrence of <see cref="Match"/> in it:
/// the comment in the comments part, <c>w:commentRangeStart</c>/<c>w:commentRangeEnd</c> around
/// the text and a reference run after it, as Word writes them.
/// </summary>
[Operation("add_comment", "Add a comment on a paragraph or on a text within it.")]
public sealed record AddComment(
    [property: Description("Paragraph id from inspection")] string Paragraph,
    [property: Description("The comment text")] string Text,
    [property: Description("Comment only this text in the paragraph (its first occurrence); null for the whole paragraph")] string? Match = null,
    [property: Description("Author shown in Word; null for 'Officina'")] string? Author = null)
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
        if (!session.TryFind(Paragraph, "paragraph", errors, out var paragraph))
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new("text", "text_required", "A comment needs text."));
        }

        if (Match is not null && (Match.Length == 0 || TextMatches.In([paragraph], Match, false, 1).Count == 0))
        {
            errors.Add(new("match", "text_found", $"The text \"{Match}\" does not occur in paragraph {Paragraph}: \"{ParagraphText.Of(paragraph)}\"."));
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var paragraph = session.Ids.Find(Paragraph)!;
        var comments = Part(session);
        var id = comments.Elements<Comment>().Select(c => int.TryParse(c.Id?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .DefaultIfEmpty(-1).Max() + 1;
        var idText = id.ToString(CultureInfo.InvariantCulture);
        var author = Author ?? session.RevisionAuthor;
        var initials = string.Concat(author.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
        var body = new Paragraph(new Run(new AnnotationReferenceMark()));
        var textRun = new Run();
        RunSplitter.AppendText(textRun, Text);
        body.AppendChild(textRun);
        comments.AppendChild(new Comment(body) { Id = idText, Author = author, Initials = initials, Date = DateTime.UtcNow.AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond)) });

        var runs = Match is null
            ? ParagraphText.Runs(paragraph).ToList()
            : TextMatches.In([paragraph], Match, false, 1) is [var match] ? RunSplitter.Isolate(paragraph, match.Start, match.End) : [];
        var start = new CommentRangeStart { Id = idText };
        var end = new CommentRangeEnd { Id = idText };
        var reference = new Run(new CommentReference { Id = idText });
        if (runs.Count == 0)
        {
            paragraph.AppendChild(start);
            paragraph.AppendChild(end);
            paragraph.AppendChild(reference);
        }
        else
        {
            Outermost(runs[0], paragraph).InsertBeforeSelf(start);
            var last = Outermost(runs[^1], paragraph);
            last.InsertAfterSelf(end);
            end.InsertAfterSelf(reference);
        }

        return new Change("add_comment", Paragraph, $"Added comment {idText} on {(Match is null ? $"paragraph {Paragraph}" : $"\"{Match}\" in paragraph {Paragraph}")}");
    }

    /// <summary>The ancestor of <paramref name="run"/> that is a direct child of the paragraph (hyperlinks, revisions).</summary>
    private static DocumentFormat.OpenXml.OpenXmlElement Outermost(Run run, Paragraph paragraph)
    {
        DocumentFormat.OpenXml.OpenXmlElement element = run;
        while (element.Parent is { } parent && parent != paragraph)
        {
            element = parent;
        }

        return element;
    }

    private static Comments Part(WordSession session)
    {
        var part = session.MainPart.WordprocessingCommentsPart ?? session.MainPart.AddNewPart<WordprocessingCommentsPart>();
        return part.Comments ??= new Comments();
    }
}
