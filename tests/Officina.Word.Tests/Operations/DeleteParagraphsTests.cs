using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class DeleteParagraphsTests
{
    [Fact]
    public void Apply_RemovesParagraphs()
    {
        using var doc = Documents.With("keep", "drop 1", "drop 2", "keep too");

        doc.Run($$"""{"op":"delete_paragraphs","paragraphs":["{{doc.IdOf("drop 1")}}","{{doc.IdOf("drop 2")}}"]}""");

        Assert.Equal(["keep", "keep too"], doc.Reopen().Texts());
    }

    [Fact]
    public void Apply_MarksDeletion_AndRejectRestoresTheParagraph_WhenTracking()
    {
        using var doc = Documents.With("keep", "drop", "end");
        doc.TrackChanges = true;
        doc.Run($$"""{"op":"delete_paragraphs","paragraphs":["{{doc.IdOf("drop")}}"]}""");
        using var tracked = doc.Reopen();
        Assert.Contains("w:delText", tracked.BodyXml(), StringComparison.Ordinal);
        var bytes = tracked.ToArray();

        using var accepted = WordSession.Open(new MemoryStream(bytes));
        accepted.Run("""{"op":"accept_all_revisions"}""");
        using var rejected = WordSession.Open(new MemoryStream(bytes));
        rejected.Run("""{"op":"reject_all_revisions"}""");

        Assert.Equal(["keep", "end"], accepted.Reopen().Texts());
        Assert.Equal(["keep", "drop", "end"], rejected.Reopen().Texts());
    }

    [Fact]
    public void Validate_ReturnsError_WhenListIsEmpty()
    {
        using var doc = Documents.With("a");

        var errors = doc.Fail("""{"op":"delete_paragraphs","paragraphs":[]}""");

        Assert.Equal("paragraphs_required", errors[0].Rule);
    }
}
