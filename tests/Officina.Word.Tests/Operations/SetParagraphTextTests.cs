using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class SetParagraphTextTests
{
    [Fact]
    public void Apply_ReplacesText_KeepingStyleAndFirstRunFormatting()
    {
        using var doc = Runs.Paragraph("*Bold start", " plain end");
        var id = doc.Paragraphs.Single().ParagraphId!.Value!;
        doc.Run($$"""{"op":"apply_style","paragraphs":["{{id}}"],"style":"Quote"}""");

        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{id}}","text":"Brand new"}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Ids.Find(id)!;
        Assert.Equal("Brand new", ParagraphText.Of(paragraph));
        Assert.Equal("Brand new", Runs.BoldText(paragraph));
        Assert.Equal("Quote", ParagraphText.StyleId(paragraph));
    }

    [Fact]
    public void Apply_TracksDeletionAndInsertion_WhenTrackingChanges()
    {
        using var doc = Documents.With("old words");
        var id = doc.IdOf("old words");
        doc.TrackChanges = true;

        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{id}}","text":"new words"}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Ids.Find(id)!;
        Assert.Equal("new words", ParagraphText.Of(paragraph));
        Assert.Equal("old words", string.Concat(paragraph.Descendants<DeletedText>().Select(t => t.Text)));
        Assert.Single(paragraph.Elements<InsertedRun>());
    }
}
