using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Inspection;

namespace Officina.Word.Tests.Operations;

public sealed class RejectAllRevisionsTests
{
    [Fact]
    public void Apply_RestoresTheOriginal_AfterTrackedEdits()
    {
        using var doc = Documents.With("alpha", "beta", "gamma");
        doc.TrackChanges = true;
        doc.Run("""{"op":"insert_paragraph","anchor":"end","text":"delta"}""");
        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{doc.IdOf("beta")}}","text":"BETA"}""");
        doc.Run("""{"op":"replace_text","find":"alpha","replace":"omega"}""");
        doc.Run("""{"op":"insert_list","anchor":"start","kind":"bulleted","items":[{"text":"one"},{"text":"two"}]}""");
        doc.TrackChanges = false;

        doc.Run("""{"op":"reject_all_revisions"}""");

        using var reopened = doc.Reopen();
        Assert.Equal(["alpha", "beta", "gamma"], reopened.Texts());
        Assert.Equal(0, DocumentDigest.RevisionCount(reopened));
        Assert.Empty(reopened.Body.Descendants<DeletedText>());
    }

    [Fact]
    public void Validate_ReturnsError_WhenThereAreNoRevisions()
    {
        using var doc = Documents.With("x");

        Assert.Equal("revisions_exist", doc.Fail("""{"op":"reject_all_revisions"}""")[0].Rule);
    }
}
