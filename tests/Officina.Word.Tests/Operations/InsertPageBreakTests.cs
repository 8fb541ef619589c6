using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class InsertPageBreakTests
{
    [Fact]
    public void Apply_InsertsParagraphWithPageBreak()
    {
        using var doc = Documents.With("page one", "page two");

        doc.Run($$"""{"op":"insert_page_break","anchor":"{{doc.IdOf("page two")}}","position":"before"}""");

        using var reopened = doc.Reopen();
        var paragraphs = reopened.Paragraphs.ToList();
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(BreakValues.Page, paragraphs[1].Descendants<Break>().Single().Type!.Value);
    }

    [Fact]
    public void Validate_ReturnsError_WhenAnchorIsEmpty()
    {
        using var doc = Documents.With("x");

        Assert.Equal("anchor", doc.Fail("""{"op":"insert_page_break","anchor":""}""")[0].Rule);
    }
}
