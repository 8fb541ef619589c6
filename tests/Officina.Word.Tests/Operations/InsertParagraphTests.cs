using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class InsertParagraphTests
{
    [Fact]
    public void Apply_InsertsBeforeAndAfterAnchors_AndSurvivesReopen()
    {
        using var doc = Documents.With("middle");
        var middle = doc.IdOf("middle");
        doc.Run($$"""{"op":"insert_paragraph","anchor":"{{middle}}","text":"after"}""");
        doc.Run($$"""{"op":"insert_paragraph","anchor":"{{middle}}","position":"before","text":"before"}""");
        doc.Run("""{"op":"insert_paragraph","anchor":"start","text":"first","style":"Quote"}""");
        doc.Run("""{"op":"insert_paragraph","anchor":"end","text":"last"}""");

        using var reopened = doc.Reopen();

        Assert.Equal(["first", "before", "middle", "after", "last"], reopened.Texts());
        Assert.Equal("Quote", ParagraphText.StyleId(reopened.Paragraph("first")));
        Assert.Equal(middle, reopened.IdOf("middle"));
    }

    [Fact]
    public void Apply_GivesEveryParagraphAUniqueParaId()
    {
        using var doc = Documents.With("a", "b", "c");

        using var reopened = doc.Reopen();

        var ids = reopened.Paragraphs.Select(p => p.ParagraphId?.Value).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-7][0-9A-F]{7}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Validate_ReturnsError_WhenAnchorOrStyleIsUnknown()
    {
        using var doc = Documents.With("a");

        var errors = doc.Fail("""{"op":"insert_paragraph","anchor":"0000BEEF","text":"x","style":"No Such Style"}""");

        Assert.Contains(errors, e => e.Path == "anchor" && e.Rule == "paragraph_id");
        Assert.Contains(errors, e => e.Path == "style" && e.Rule == "style_exists" && e.Message.Contains("No Such Style", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_MarksParagraphAsInserted_WhenTrackingChanges()
    {
        using var doc = Documents.With("a");
        doc.TrackChanges = true;

        doc.Run("""{"op":"insert_paragraph","anchor":"end","text":"tracked"}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Paragraph("tracked");
        var insert = Assert.Single(paragraph.Elements<InsertedRun>());
        Assert.Equal("Officina", insert.Author?.Value);
        Assert.NotNull(insert.Date);
        Assert.NotNull(paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Inserted>());
    }
}
