using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

/// <summary>Builds paragraphs split over runs with different formatting, as Word leaves them.</summary>
internal static class Runs
{
    /// <summary>A document whose only paragraph holds the pieces as runs; pieces starting with '*' are bold.</summary>
    public static WordSession Paragraph(params string[] pieces)
    {
        var doc = Documents.With("placeholder");
        var paragraph = doc.Paragraph("placeholder");
        paragraph.RemoveAllChildren<Run>();
        foreach (var piece in pieces)
        {
            var bold = piece.StartsWith('*');
            var run = new Run();
            if (bold)
            {
                run.AppendChild(new RunProperties(new Bold()));
            }

            run.AppendChild(new Text(bold ? piece[1..] : piece) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.AppendChild(run);
        }

        return doc;
    }

    public static bool IsBold(Run run) => run.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value);

    public static string BoldText(Paragraph paragraph) =>
        string.Concat(ParagraphText.Runs(paragraph).Where(IsBold).SelectMany(r => r.Elements<Text>()).Select(t => t.Text));
}
