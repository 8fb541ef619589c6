using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class InsertHeadingTests
{
    [Fact]
    public void Apply_AddsHeadingStyle_WhenDocumentLacksIt()
    {
        using var doc = Documents.With("body");

        doc.Run("""{"op":"insert_heading","anchor":"start","text":"Risks","level":5}""");

        using var reopened = doc.Reopen();
        Assert.Equal("Heading5", ParagraphText.StyleId(reopened.Paragraph("Risks")));
        Assert.Equal(5, reopened.Styles.OutlineLevel("Heading5"));
        Assert.Equal(["Risks", "body"], reopened.Texts());
    }

    [Fact]
    public void Validate_ReturnsError_WhenLevelIsOutOfRange()
    {
        using var doc = Documents.With("body");

        var errors = doc.Fail("""{"op":"insert_heading","anchor":"end","text":"x","level":7}""");

        Assert.Equal(("level", "heading_level"), (errors[0].Path, errors[0].Rule));
        Assert.Contains("Given: 7", errors[0].Message, StringComparison.Ordinal);
    }
}
