using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class ApplyStyleTests
{
    [Fact]
    public void Apply_SetsStyle_AddingBuiltInDefinition()
    {
        using var doc = Documents.With("Title text", "Body");

        doc.Run($$"""{"op":"apply_style","paragraphs":["{{doc.IdOf("Title text")}}"],"style":"Heading 2"}""");

        using var reopened = doc.Reopen();
        Assert.Equal("Heading2", ParagraphText.StyleId(reopened.Paragraph("Title text")));
        Assert.Contains(reopened.Run("""{"op":"get_outline"}""").Observation!.Text.Split('\n'), l => l.Contains("H2: Title text", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_RecordsPreviousStyle_AndRejectRestoresIt_WhenTracking()
    {
        using var doc = Documents.With("text");
        doc.TrackChanges = true;
        doc.Run($$"""{"op":"apply_style","paragraphs":["{{doc.IdOf("text")}}"],"style":"Title"}""");
        using var tracked = doc.Reopen();
        Assert.NotNull(tracked.Paragraph("text").ParagraphProperties?.ParagraphPropertiesChange);

        tracked.Run("""{"op":"reject_all_revisions"}""");

        Assert.Null(ParagraphText.StyleId(tracked.Reopen().Paragraph("text")));
    }

    [Fact]
    public void Validate_ReturnsError_WhenStyleIsUnknown()
    {
        using var doc = Documents.With("text");

        var errors = doc.Fail($$"""{"op":"apply_style","paragraphs":["{{doc.IdOf("text")}}"],"style":"Fancy"}""");

        Assert.Equal(("style", "style_exists"), (errors[0].Path, errors[0].Rule));
    }
}
