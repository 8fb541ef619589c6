using Officina.Operations;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Verification;

/// <summary>After an edit, placeholders and schema errors the input already had are listed as pre-existing; those the plan makes are findings.</summary>
public sealed class PreExistingFindingsTests
{
    private static WordSession Saved(params string[] paragraphs)
    {
        using var made = Documents.With(paragraphs);
        return WordSession.Open(new MemoryStream(made.ToArray()));
    }

    [Fact]
    public async Task VerifyAsync_ListsPlaceholderAsPreExisting_WhenPlanEditsAnotherParagraph()
    {
        using var doc = Saved("Dear [Insert name],", "Thank you for your order.", "Regards");
        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{doc.IdOf("Regards")}}","text":"Kind regards"}""");
        doc.Run($$"""{"op":"insert_paragraph","anchor":"start","text":"Invoice"}""");

        var report = await DocumentVerifier.VerifyAsync(doc);

        Assert.DoesNotContain(report.Findings, f => f.Code == "placeholder_text");
        var old = Assert.Single(report.PreExisting, f => f.Code == "placeholder_text");
        Assert.Equal(FindingSeverity.Info, old.Severity);
        Assert.Equal($"paragraph {doc.IdOf("Dear [Insert name],")}", old.Location);
        using var reopened = doc.Reopen();
        Assert.Equal(["Invoice", "Dear [Insert name],", "Thank you for your order.", "Kind regards"], reopened.Texts());
    }

    [Fact]
    public async Task VerifyAsync_ReportsPlaceholder_WhenPlanWritesANewOne()
    {
        using var doc = Saved("Dear [Insert name],", "Regards");
        doc.Run($$"""{"op":"insert_paragraph","anchor":"{{doc.IdOf("Regards")}}","text":"[Insert name]","position":"after"}""");

        var report = await DocumentVerifier.VerifyAsync(doc);

        var introduced = Assert.Single(report.Findings, f => f.Code == "placeholder_text");
        Assert.Equal($"paragraph {doc.IdOf("[Insert name]")}", introduced.Location);
        Assert.Equal($"paragraph {doc.IdOf("Dear [Insert name],")}", Assert.Single(report.PreExisting, f => f.Code == "placeholder_text").Location);
    }

    [Fact]
    public async Task VerifyAsync_ListsSchemaErrorAsPreExisting_WhenInsertedParagraphShiftsItsPath()
    {
        byte[] bytes;
        using (var made = Documents.With("First", "Broken", "Last"))
        {
            // A paragraph inside a run: Word opens it, the schema forbids it.
            made.Paragraph("Broken").Elements<DocumentFormat.OpenXml.Wordprocessing.Run>().First()
                .AppendChild(new DocumentFormat.OpenXml.Wordprocessing.Paragraph());
            bytes = made.ToArray();
        }

        using var doc = WordSession.Open(new MemoryStream(bytes));
        doc.Run("""{"op":"insert_paragraph","anchor":"start","text":"Added"}""");

        var report = await DocumentVerifier.VerifyAsync(doc);

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        var schema = Assert.Single(report.PreExisting, f => f.Code == "schema");
        Assert.Equal(FindingSeverity.Info, schema.Severity);
        Assert.Contains("/w:p[3]", schema.Location, StringComparison.Ordinal);
    }
}
