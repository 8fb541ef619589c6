using Officina.Word.Operations;

namespace Officina.Word.Tests.Operations;

public sealed class GetOutlineTests
{
    [Fact]
    public void Read_ListsHeadingsWithLevelsAndIds_WhenDocumentHasHeadings()
    {
        using var doc = Documents.With("Intro text");
        doc.Run("""{"op":"insert_heading","anchor":"start","text":"Overview","level":1}""");
        doc.Run("""{"op":"insert_heading","anchor":"end","text":"Details","level":2}""");

        var observation = doc.Run("""{"op":"get_outline"}""").Observation!;

        var entries = Assert.IsType<List<OutlineEntry>>(observation.Data);
        Assert.Equal([("Overview", 1), ("Details", 2)], entries.Select(e => (e.Text, e.Level)));
        Assert.Equal(doc.IdOf("Overview"), entries[0].Id);
        Assert.Contains($"[{entries[1].Id}] H2: Details", observation.Text, StringComparison.Ordinal);
    }
}

public sealed class ReadParagraphsTests
{
    [Fact]
    public void Read_ReturnsParagraphsFromAnId_WithStylesAndText()
    {
        using var doc = Documents.With("one", "two", "three");

        var text = doc.Run($$"""{"op":"read_paragraphs","from":"{{doc.IdOf("two")}}","count":1}""").Observation!.Text;

        Assert.Contains($"[{doc.IdOf("two")}] Normal: two", text, StringComparison.Ordinal);
        Assert.DoesNotContain("three", text.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains($"continue from '{doc.IdOf("three")}'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReturnsError_WhenFromIsUnknown()
    {
        using var doc = Documents.With("one");

        var errors = doc.Fail("""{"op":"read_paragraphs","from":"1234ABCD"}""");

        Assert.Equal(("from", "paragraph_id"), (errors[0].Path, errors[0].Rule));
    }
}

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
