using System.ComponentModel;
using System.Text;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>Reads paragraphs in document order from a paragraph id (or the start), with their ids, styles and text.</summary>
[Operation("read_paragraphs", "Read paragraphs (id, style, text) from a paragraph id or the start of the document.")]
public sealed record ReadParagraphs(
    [property: Description("Paragraph id to start from (included); null for the start of the document")] string? From = null,
    [property: Description("How many paragraphs to read (1–500); null for 50")] int? Count = null)
    : ReadOperation<WordSession>
{
    public const int MaxCount = 500;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesParagraph(From);
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (From is not null && !Anchors.IsStart(From))
        {
            session.TryFind(From, "from", errors, out _);
        }

        if (Count is < 1 or > MaxCount)
        {
            errors.Add(new("count", "count_range", $"count must be between 1 and {MaxCount}. Given: {Count}."));
        }

        return errors;
    }

    public override Observation Read(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var all = session.Paragraphs.ToList();
        var start = From is null || Anchors.IsStart(From) ? 0 : all.IndexOf(session.Ids.Find(From)!);
        var taken = all.Skip(start).Take(Count ?? 50).ToList();
        var text = new StringBuilder();
        text.AppendLine($"Paragraphs {start + 1}–{start + taken.Count} of {all.Count}:");
        foreach (var paragraph in taken)
        {
            text.AppendLine(ParagraphFactory.Describe(session, paragraph, 1000));
        }

        if (start + taken.Count < all.Count)
        {
            text.AppendLine($"… {all.Count - start - taken.Count} more; continue from '{all[start + taken.Count].ParagraphId?.Value}'.");
        }

        return new Observation("read_paragraphs", From ?? "start", text.ToString(),
            taken.Select(p => new { id = p.ParagraphId?.Value, style = ParagraphText.StyleId(p), text = ParagraphText.Of(p) }).ToList());
    }
}
