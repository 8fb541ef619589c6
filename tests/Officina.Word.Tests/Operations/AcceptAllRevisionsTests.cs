using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Inspection;

namespace Officina.Word.Tests.Operations;

public sealed class AcceptAllRevisionsTests
{
    [Fact]
    public void Apply_KeepsInsertionsAndDropsDeletions_LeavingNoMarks()
    {
        using var doc = Documents.With("keep", "remove");
        doc.TrackChanges = true;
        doc.Run("""{"op":"insert_heading","anchor":"start","text":"Added","level":1}""");
        doc.Run($$"""{"op":"delete_paragraphs","paragraphs":["{{doc.IdOf("remove")}}"]}""");
        doc.Run("""{"op":"set_footer","text":"Footer text"}""");
        doc.TrackChanges = false;

        var change = doc.Run("""{"op":"accept_all_revisions"}""").Change!;

        using var reopened = doc.Reopen();
        Assert.True(change.Count >= 3);
        Assert.Equal(["Added", "keep"], reopened.Texts());
        Assert.Equal(0, DocumentDigest.RevisionCount(reopened));
        Assert.Equal("Footer text", reopened.MainPart.FooterParts.Single().Footer.InnerText);
    }

    [Fact]
    public void Validate_ReturnsError_WhenThereAreNoRevisions()
    {
        using var doc = Documents.With("x");

        Assert.Equal("revisions_exist", doc.Fail("""{"op":"accept_all_revisions"}""")[0].Rule);
    }
}
