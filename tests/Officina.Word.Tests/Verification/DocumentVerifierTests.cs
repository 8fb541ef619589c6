using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;

namespace Officina.Word.Tests.Verification;

public sealed class DocumentVerifierTests
{
    [Fact]
    public async Task Verify_ReportsNoErrors_ForDocumentBuiltByOperations()
    {
        using var doc = Documents.With("Body");
        doc.Run($$"""{"op":"add_comment","paragraph":"{{doc.IdOf("Body")}}","text":"ok"}""");
        doc.Run("""{"op":"insert_table_of_contents","anchor":"start"}""");

        var report = await doc.VerifyAsync();

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        Assert.Contains(report.Checks, c => c.StartsWith("schema:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReportsLeftoverPlaceholders()
    {
        using var doc = Documents.With("Dear [Insert name],", "Total: {{amount}}", "Fine text");

        var report = await doc.VerifyAsync();

        var placeholders = report.Findings.Where(f => f.Code == "placeholder_text").ToList();
        Assert.Equal(2, placeholders.Count);
        Assert.Contains(placeholders, f => f.Location == $"paragraph {doc.IdOf("Dear [Insert name],")}" && f.Message.Contains("[Insert name]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReportsBrokenCommentRange()
    {
        using var doc = Documents.With("Body");
        doc.Run($$"""{"op":"add_comment","paragraph":"{{doc.IdOf("Body")}}","text":"note"}""");
        doc.Body.Descendants<CommentRangeEnd>().Single().Remove();

        var report = await doc.VerifyAsync();

        Assert.Contains(report.Findings, f => f.Code == "comment_range" && f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public async Task Verify_ReportsNewSchemaErrors()
    {
        using var doc = Documents.With("Body");
        doc.Paragraph("Body").AppendChild(new TableRow());

        var report = await doc.VerifyAsync();

        Assert.Contains(report.Findings, f => f.Code == "schema");
    }
}
