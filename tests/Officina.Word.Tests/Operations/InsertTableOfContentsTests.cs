using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Operations;

public sealed class InsertTableOfContentsTests
{
    [Fact]
    public void Apply_InsertsDirtyTocFieldListingHeadings()
    {
        using var doc = Documents.With("intro");
        doc.Run("""{"op":"insert_heading","anchor":"end","text":"Background","level":1}""");
        doc.Run("""{"op":"insert_heading","anchor":"end","text":"Scope","level":2}""");

        doc.Run("""{"op":"insert_table_of_contents","anchor":"start","levels":2}""");

        using var reopened = doc.Reopen();
        var begin = reopened.Body.Descendants<FieldChar>().First();
        Assert.Equal(FieldCharValues.Begin, begin.FieldCharType!.Value);
        Assert.True(begin.Dirty!.Value);
        Assert.Contains("TOC \\o \"1-2\"", reopened.Body.Descendants<FieldCode>().Single().Text, StringComparison.Ordinal);
        Assert.Equal(["Contents", "Background", "Scope", "intro", "Background", "Scope"], reopened.Texts());
        Assert.Single(reopened.Body.Descendants<FieldChar>(), f => f.FieldCharType!.Value == FieldCharValues.End);
    }

    [Fact]
    public void Validate_ReturnsError_WhenLevelsIsOutOfRange()
    {
        using var doc = Documents.With("x");

        Assert.Equal("levels", doc.Fail("""{"op":"insert_table_of_contents","anchor":"start","levels":0}""")[0].Path);
    }
}
