using Officina.Operations;

namespace Officina.Word.Tests.Inspection;

public sealed class DocumentDigestTests
{
    [Fact]
    public void Create_ListsCountsOutlineAndSampleParagraphsWithIds()
    {
        using var doc = Documents.With("First paragraph");
        doc.Run("""{"op":"insert_heading","anchor":"start","text":"Introduction","level":1}""");
        doc.Run("""{"op":"insert_table","anchor":"end","rows":[["A","B"],["1","2"]]}""");
        doc.Run("""{"op":"set_footer","text":"Confidential"}""");

        var digest = doc.Inspect();

        Assert.StartsWith("Document: ", digest, StringComparison.Ordinal);
        Assert.Contains("1 heading(s), 1 table(s)", digest, StringComparison.Ordinal);
        Assert.Contains($"[{doc.IdOf("Introduction")}] H1: Introduction", digest, StringComparison.Ordinal);
        Assert.Contains($"[{doc.IdOf("First paragraph")}] Normal: First paragraph", digest, StringComparison.Ordinal);
        Assert.Contains("Footer: Confidential", digest, StringComparison.Ordinal);
        Assert.Contains("Table 1: 2 row(s) x 2 col(s)", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_StaysWithinBudget_ForLongDocuments()
    {
        using var doc = WordSession.Create();
        for (var i = 0; i < 400; i++)
        {
            doc.Execute(new Officina.Word.Operations.InsertParagraph("end", $"Paragraph {i} with some words that make it long enough to count for something."));
        }

        var digest = doc.Inspect(600);

        Assert.True(TokenCounter.Count(digest) <= 600, $"{TokenCounter.Count(digest)} tokens");
        Assert.Contains("Document: 400 paragraph(s)", digest, StringComparison.Ordinal);
    }
}
