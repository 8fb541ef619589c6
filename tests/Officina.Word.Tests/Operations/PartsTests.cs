using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Operations;

public sealed class AddCommentTests
{
    [Fact]
    public void Apply_AddsCommentPartRangeAndReference_OnMatchedText()
    {
        using var doc = Documents.With("Revenue rose 12% in Q3");
        var id = doc.IdOf("Revenue rose 12% in Q3");

        doc.Run($$"""{"op":"add_comment","paragraph":"{{id}}","match":"12%","text":"Source: Q3 report, p. 4"}""");

        using var reopened = doc.Reopen();
        var comment = Assert.Single(reopened.MainPart.WordprocessingCommentsPart!.Comments.Elements<Comment>());
        Assert.Equal("Officina", comment.Author!.Value);
        Assert.Contains("Source: Q3 report, p. 4", comment.InnerText, StringComparison.Ordinal);
        var paragraph = reopened.Ids.Find(id)!;
        var children = paragraph.ChildElements.ToList();
        var start = children.FindIndex(c => c is CommentRangeStart);
        var end = children.FindIndex(c => c is CommentRangeEnd);
        Assert.Equal("12%", string.Concat(children.Skip(start + 1).Take(end - start - 1).Select(c => c.InnerText)));
        Assert.Single(paragraph.Descendants<CommentReference>());
        Assert.Equal("Revenue rose 12% in Q3", ParagraphText.Of(paragraph));
        Assert.Empty(DocumentVerifier.CommentRanges(reopened));
    }

    [Fact]
    public void Validate_ReturnsError_WhenMatchIsNotInParagraph()
    {
        using var doc = Documents.With("abc");

        var errors = doc.Fail($$"""{"op":"add_comment","paragraph":"{{doc.IdOf("abc")}}","match":"xyz","text":"note"}""");

        Assert.Equal(("match", "text_found"), (errors[0].Path, errors[0].Rule));
    }
}

public sealed class SetHeaderTests
{
    [Fact]
    public void Apply_AddsHeaderPartReferencedFromTheSection()
    {
        using var doc = Documents.With("body");

        doc.Run("""{"op":"set_header","text":"ACME Corp — Confidential"}""");

        using var reopened = doc.Reopen();
        var header = Assert.Single(reopened.MainPart.HeaderParts);
        Assert.Equal("ACME Corp — Confidential", header.Header.InnerText);
        var reference = reopened.Body.Elements<SectionProperties>().Single().Elements<HeaderReference>().Single();
        Assert.Equal(reopened.MainPart.GetIdOfPart(header), reference.Id!.Value);
    }

    [Fact]
    public void Apply_RewritesExistingHeader_WithoutAddingParts()
    {
        using var doc = Documents.With("body");
        doc.Run("""{"op":"set_header","text":"first"}""");

        doc.Run("""{"op":"set_header","text":"second"}""");

        using var reopened = doc.Reopen();
        Assert.Equal("second", Assert.Single(reopened.MainPart.HeaderParts).Header.InnerText);
    }

    [Fact]
    public void Validate_ReturnsError_WhenTextIsMissing()
    {
        using var doc = Documents.With("body");

        var outcome = doc.Execute(new Officina.Word.Operations.SetHeader(null!));

        Assert.Equal("text", Assert.Single(outcome.Errors).Path);
    }
}

public sealed class SetFooterTests
{
    [Fact]
    public void Apply_TurnsPagePlaceholdersIntoFields_OnTheFirstPageFooter()
    {
        using var doc = Documents.With("body");

        doc.Run("""{"op":"set_footer","text":"Page {page} of {pages}","kind":"first"}""");

        using var reopened = doc.Reopen();
        var footer = Assert.Single(reopened.MainPart.FooterParts).Footer;
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
        var section = reopened.Body.Elements<SectionProperties>().Single();
        Assert.Equal(HeaderFooterValues.First, section.Elements<FooterReference>().Single().Type!.Value);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
    }
}

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

public sealed class FillContentControlTests
{
    private static WordSession WithControls()
    {
        var doc = Documents.With("Dear");
        var block = new SdtBlock(
            new SdtProperties(new SdtAlias { Val = "Customer" }, new Tag { Val = "customer" }, new ShowingPlaceholder()),
            new SdtContentBlock(new Paragraph(new Run(new RunProperties(new Bold()), new Text("Click to enter a name")))));
        doc.Paragraph("Dear").InsertAfterSelf(block);
        doc.Paragraph("Dear").AppendChild(new SdtRun(
            new SdtProperties(new Tag { Val = "date" }),
            new SdtContentRun(new Run(new Text("[date]")))));
        doc.Ids.AssignMissing();
        return doc;
    }

    [Fact]
    public void Apply_FillsBlockControlByTitle_KeepingFormatting()
    {
        using var doc = WithControls();

        doc.Run("""{"op":"fill_content_control","title":"Customer","text":"Contoso Ltd"}""");

        using var reopened = doc.Reopen();
        var control = reopened.Body.Descendants<SdtBlock>().Single();
        Assert.Null(control.SdtProperties!.GetFirstChild<ShowingPlaceholder>());
        var paragraph = control.Descendants<Paragraph>().Single();
        Assert.Equal("Contoso Ltd", ParagraphText.Of(paragraph));
        Assert.Equal("Contoso Ltd", Runs.BoldText(paragraph));
    }

    [Fact]
    public void Apply_FillsInlineControlByTag()
    {
        using var doc = WithControls();

        doc.Run("""{"op":"fill_content_control","tag":"date","text":"25 November 2026"}""");

        Assert.Equal("Dear25 November 2026", doc.Reopen().Texts()[0]);
    }

    [Fact]
    public void Validate_ReturnsErrorListingControls_WhenTagIsUnknown()
    {
        using var doc = WithControls();

        var errors = doc.Fail("""{"op":"fill_content_control","tag":"nope","text":"x"}""");

        Assert.Contains("tag 'customer'", errors[0].Message, StringComparison.Ordinal);
    }
}
