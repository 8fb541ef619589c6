using System.Text;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>One heading of the outline: its paragraph id, level (1–9) and text.</summary>
public sealed record OutlineEntry(string Id, int Level, string Text);

/// <summary>Lists the document's headings (paragraphs whose style has an outline level) with their paragraph ids.</summary>
[Operation("get_outline", "List the document's headings with their levels and paragraph ids.")]
public sealed record GetOutline : ReadOperation<WordSession>
{
    public override Observation Read(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var entries = Headings(session);
        var text = new StringBuilder();
        text.AppendLine($"{entries.Count} heading(s) in {session.Paragraphs.Count()} paragraph(s).");
        foreach (var entry in entries)
        {
            text.Append(' ', (entry.Level - 1) * 2).AppendLine($"[{entry.Id}] H{entry.Level}: {entry.Text}");
        }

        return new Observation("get_outline", "document", text.ToString(), entries);
    }

    /// <summary>The headings in document order.</summary>
    public static List<OutlineEntry> Headings(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var entries = new List<OutlineEntry>();
        foreach (var paragraph in session.Paragraphs)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            var level = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } own && own < 9
                ? own + 1
                : session.Styles.OutlineLevel(ParagraphText.StyleId(paragraph));
            if (level is { } l)
            {
                entries.Add(new OutlineEntry(session.Ids.Of(paragraph), l, ParagraphText.Of(paragraph)));
            }
        }

        return entries;
    }
}
