using Officina.Word.Operations;

namespace Officina.Word.Tests.Operations;

public sealed class FindTextTests
{
    [Fact]
    public void Read_FindsTextAcrossRuns_IgnoringCase()
    {
        using var doc = Documents.With("The quarterly Revenue grew", "Nothing here");
        var paragraph = doc.Paragraph("The quarterly Revenue grew");
        DocumentFormat.OpenXml.Wordprocessing.Run first = paragraph.Elements<DocumentFormat.OpenXml.Wordprocessing.Run>().First();
        Officina.Word.Paragraphs.RunSplitter.SplitAt(paragraph, 17);

        var observation = doc.Run("""{"op":"find_text","text":"revenue"}""").Observation!;

        Assert.True(paragraph.Elements<DocumentFormat.OpenXml.Wordprocessing.Run>().Count() > 1);
        Assert.StartsWith("1 match(es)", observation.Text, StringComparison.Ordinal);
        Assert.Contains($"[{doc.IdOf("The quarterly Revenue grew")}] at 14", observation.Text, StringComparison.Ordinal);
        Assert.NotNull(first);
    }

    [Fact]
    public void Read_FindsNothing_WhenMatchCaseDiffers()
    {
        using var doc = Documents.With("Revenue");

        var observation = doc.Run("""{"op":"find_text","text":"revenue","match_case":true}""").Observation!;

        Assert.StartsWith("0 match(es)", observation.Text, StringComparison.Ordinal);
    }
}
