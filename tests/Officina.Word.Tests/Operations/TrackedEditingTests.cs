using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Operations;

/// <summary>Edits that meet earlier edits: this author's own tracked insertions, comments in deleted paragraphs.</summary>
public sealed class TrackedEditingTests
{
    [Fact]
    public void SetParagraphText_OnOwnTrackedInsertion_ReplacesItWithoutADeletion()
    {
        using var doc = Documents.With("base");
        doc.TrackChanges = true;
        doc.Run("""{"op":"insert_paragraph","anchor":"end","text":"draft wording"}""");

        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{doc.IdOf("draft wording")}}","text":"final wording"}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Paragraph("final wording");
        Assert.Empty(paragraph.Descendants<DeletedRun>());
        Assert.Single(paragraph.Elements<InsertedRun>());
    }

    [Fact]
    public void DeleteParagraphs_RemovesCommentsAnchoredInTheParagraph()
    {
        using var doc = Documents.With("keep", "drop");
        doc.Run($$"""{"op":"add_comment","paragraph":"{{doc.IdOf("drop")}}","text":"about to go"}""");

        doc.Run($$"""{"op":"delete_paragraphs","paragraphs":["{{doc.IdOf("drop")}}"]}""");

        using var reopened = doc.Reopen();
        Assert.Empty(reopened.MainPart.WordprocessingCommentsPart!.Comments.Elements<Comment>());
        Assert.Empty(DocumentVerifier.CommentRanges(reopened));
    }
}
