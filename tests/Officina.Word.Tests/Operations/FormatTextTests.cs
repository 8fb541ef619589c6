using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class FormatTextTests
{
    [Fact]
    public void Apply_FormatsOnlyMatchingText_AcrossRuns()
    {
        using var doc = Runs.Paragraph("Net in", "come rose");

        doc.Run("""{"op":"format_text","match":"income","bold":true,"color":"#C00000","size":14}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Paragraphs.Single();
        Assert.Equal("Net income rose", ParagraphText.Of(paragraph));
        Assert.Equal("income", Runs.BoldText(paragraph));
        var run = ParagraphText.Runs(paragraph).First(Runs.IsBold);
        Assert.Equal("C00000", run.RunProperties!.Color!.Val!.Value);
        Assert.Equal("28", run.RunProperties.FontSize!.Val!.Value);
    }

    [Fact]
    public void Apply_FormatsWholeParagraphs_WhenNoMatchIsGiven()
    {
        using var doc = Documents.With("all of it", "not this");

        doc.Run($$"""{"op":"format_text","paragraphs":["{{doc.IdOf("all of it")}}"],"italic":true,"underline":true}""");

        using var reopened = doc.Reopen();
        var run = ParagraphText.Runs(reopened.Paragraph("all of it")).Single();
        Assert.NotNull(run.RunProperties!.Italic);
        Assert.Equal(UnderlineValues.Single, run.RunProperties.Underline!.Val!.Value);
        Assert.Null(ParagraphText.Runs(reopened.Paragraph("not this")).Single().RunProperties);
    }

    [Fact]
    public void Apply_RecordsRunPropertiesChange_WhenTracking()
    {
        using var doc = Documents.With("plain");
        doc.TrackChanges = true;

        doc.Run("""{"op":"format_text","match":"plain","bold":true}""");

        using var reopened = doc.Reopen();
        var properties = ParagraphText.Runs(reopened.Paragraph("plain")).Single().RunProperties!;
        Assert.NotNull(properties.GetFirstChild<RunPropertiesChange>());
        reopened.Run("""{"op":"reject_all_revisions"}""");
        Assert.Null(ParagraphText.Runs(reopened.Paragraph("plain")).Single().RunProperties!.Bold);
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenNothingToSetOrBadColor()
    {
        using var doc = Documents.With("x");

        Assert.Contains(doc.Fail("""{"op":"format_text","match":"x"}"""), e => e.Rule == "format_required");
        Assert.Contains(doc.Fail("""{"op":"format_text","match":"x","color":"red"}"""), e => e.Path == "color");
    }
}
