using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Paragraphs;

/// <summary>Builds new paragraphs and, when the session tracks changes, marks them as inserted.</summary>
public static class ParagraphFactory
{
    /// <summary>A paragraph with style <paramref name="styleId"/> (null: default) holding <paramref name="text"/> in one run.</summary>
    public static Paragraph Create(string text, string? styleId, RunProperties? runProperties = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraph = new Paragraph();
        if (styleId is not null)
        {
            paragraph.AppendChild(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        if (text.Length > 0)
        {
            var run = new Run();
            if (runProperties is not null)
            {
                run.AppendChild(runProperties);
            }

            RunSplitter.AppendText(run, text);
            paragraph.AppendChild(run);
        }

        return paragraph;
    }

    /// <summary>Marks every paragraph in <paramref name="element"/> (or itself) as inserted when tracking changes.</summary>
    public static void Track(WordSession session, DocumentFormat.OpenXml.OpenXmlElement element)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(element);
        if (!session.TrackChanges)
        {
            return;
        }

        var paragraphs = element is Paragraph p ? [p] : element.Descendants<Paragraph>().ToList();
        foreach (var paragraph in paragraphs)
        {
            session.Revisions.MarkParagraphInserted(paragraph);
        }

        foreach (var row in element.Descendants<TableRow>())
        {
            var properties = row.TableRowProperties ?? row.PrependChild(new TableRowProperties());
            properties.AppendChild(session.Revisions.Stamp(new Inserted()));
        }
    }

    /// <summary>One line about a paragraph for reads: id, style and clipped text.</summary>
    public static string Describe(WordSession session, Paragraph paragraph, int width = 200)
    {
        ArgumentNullException.ThrowIfNull(session);
        var style = ParagraphText.StyleId(paragraph) is { } id ? session.Styles.NameOf(id) : "Normal";
        var text = ParagraphText.Of(paragraph).Replace("\n", " ", StringComparison.Ordinal);
        if (text.Length > width)
        {
            text = string.Concat(text.AsSpan(0, width - 1), "…");
        }

        var where = paragraph.Ancestors<TableCell>().Any() ? " (table cell)" : "";
        var objects = paragraph.Descendants<Drawing>().Any() || paragraph.Descendants<Picture>().Any() ? " [image]" : "";
        objects += paragraph.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page) ? " [page break]" : "";
        objects += paragraph.Descendants<CommentReference>().Any() ? " [comment]" : "";
        return $"[{paragraph.ParagraphId?.Value}] {style}{where}: {text}{objects}";
    }
}
