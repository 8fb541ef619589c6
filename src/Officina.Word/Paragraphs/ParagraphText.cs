using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Paragraphs;

/// <summary>One piece of a paragraph's visible text: the run and element that hold it and where it starts.</summary>
public sealed record TextSegment(Run Run, OpenXmlElement Element, int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>Reads a paragraph's visible text (deleted revisions left out) and maps it back to runs.</summary>
public static class ParagraphText
{
    /// <summary>False for paragraphs inside text boxes and other drawings, which are not part of the body's flow.</summary>
    public static bool IsBodyLevel(Paragraph paragraph) =>
        paragraph is not null && !paragraph.Ancestors<TextBoxContent>().Any() && !paragraph.Ancestors().Any(a => a.LocalName == "txbxContent");

    /// <summary>The visible text: text, tabs as \t, breaks as \n; deleted and moved-away text left out.</summary>
    public static string Of(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var segment in Segments(paragraph))
        {
            text.Append(segment.Text);
        }

        return text.ToString();
    }

    /// <summary>The text-bearing elements of the paragraph's own runs, in order.</summary>
    public static List<TextSegment> Segments(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var segments = new List<TextSegment>();
        var position = 0;
        foreach (var run in Runs(paragraph))
        {
            foreach (var child in run.ChildElements)
            {
                var text = child switch
                {
                    Text t => t.Text,
                    TabChar or PositionalTab => "\t",
                    Break or CarriageReturn => "\n",
                    NoBreakHyphen => "-",
                    _ => null,
                };
                if (text is null)
                {
                    continue;
                }

                segments.Add(new TextSegment(run, child, position, text));
                position += text.Length;
            }
        }

        return segments;
    }

    /// <summary>The paragraph's own runs (not those of nested text boxes), without deleted or moved-away ones.</summary>
    public static IEnumerable<Run> Runs(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        return paragraph.Descendants<Run>().Where(r =>
            r.Ancestors<Paragraph>().FirstOrDefault() == paragraph
            && !r.Ancestors<DeletedRun>().Any()
            && !r.Ancestors<MoveFromRun>().Any());
    }

    /// <summary>The style id of the paragraph, or null for the default style.</summary>
    public static string? StyleId(Paragraph paragraph) => paragraph?.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}
