using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Operations;

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
