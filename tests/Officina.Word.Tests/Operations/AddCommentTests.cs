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
