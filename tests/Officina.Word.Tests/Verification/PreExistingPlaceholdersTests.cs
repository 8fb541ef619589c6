using Officina.Operations;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Verification;

/// <summary>After an edit, placeholders the input already had are listed as pre-existing; those the plan writes are findings.</summary>
public sealed class PreExistingPlaceholdersTests
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
}
