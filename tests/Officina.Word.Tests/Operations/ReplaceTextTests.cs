using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class ReplaceTextTests
{
    [Fact]
    public void Apply_ReplacesAcrossRuns_KeepingFormattingOfTheRunWhereMatchStarts()
    {
        using var doc = Runs.Paragraph("Total ", "*rev", "enue of ACME", " in 2025");

        doc.Run("""{"op":"replace_text","find":"revenue of ACME","replace":"sales of Contoso"}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Paragraphs.Single();
        Assert.Equal("Total sales of Contoso in 2025", ParagraphText.Of(paragraph));
        Assert.Equal("sales of Contoso", Runs.BoldText(paragraph));
    }

    [Fact]
    public void Apply_ReplacesInHeaderFooterAndTables_WhenNoParagraphsAreGiven()
    {
        using var doc = Documents.With("Dear {{name}},");
        doc.Run("""{"op":"set_header","text":"Invoice for {{name}}"}""");
        doc.Run("""{"op":"set_footer","text":"{{name}} — page {page}"}""");
        doc.Run("""{"op":"insert_table","anchor":"end","rows":[["Customer","{{name}}"]]}""");

        var change = doc.Run("""{"op":"replace_text","find":"{{name}}","replace":"ACME","match_case":true}""").Change!;

        using var reopened = doc.Reopen();
        Assert.Equal(4, change.Count);
        Assert.Equal("Invoice for ACME", reopened.MainPart.HeaderParts.Single().Header.InnerText);
        Assert.StartsWith("ACME — page", reopened.MainPart.FooterParts.Single().Footer.InnerText, StringComparison.Ordinal);
        Assert.Equal("ACME", reopened.Body.Descendants<TableCell>().Last().InnerText);
        Assert.DoesNotContain("{{name}}", reopened.Document.MainDocumentPart!.Document.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_LeavesHeaderAlone_WhenParagraphsAreGiven()
    {
        using var doc = Documents.With("{{name}} in body");
        doc.Run("""{"op":"set_header","text":"{{name}} in header"}""");

        doc.Run($$$"""{"op":"replace_text","find":"{{name}}","replace":"ACME","paragraphs":["{{{doc.IdOf("{{name}} in body")}}}"]}""");

        using var reopened = doc.Reopen();
        Assert.Equal("{{name}} in header", reopened.MainPart.HeaderParts.Single().Header.InnerText);
        Assert.Equal(["ACME in body"], reopened.Texts());
    }

    [Fact]
    public void Apply_ReplacesOnlyFirstMatches_WhenMaxCountIsSet()
    {
        using var doc = Documents.With("a cat, a Cat", "a CAT");

        var change = doc.Run("""{"op":"replace_text","find":"cat","replace":"dog","max_count":2}""").Change!;

        Assert.Equal(2, change.Count);
        Assert.Equal(["a dog, a dog", "a CAT"], doc.Texts());
    }

    [Fact]
    public void Apply_MatchesCase_WhenAsked()
    {
        using var doc = Documents.With("Cat cat CAT");

        doc.Run("""{"op":"replace_text","find":"cat","replace":"dog","match_case":true}""");

        Assert.Equal(["Cat dog CAT"], doc.Texts());
    }

    [Fact]
    public void Validate_ReturnsError_WhenTextDoesNotOccur()
    {
        using var doc = Documents.With("hello");

        var errors = doc.Fail("""{"op":"replace_text","find":"absent","replace":"x"}""");

        Assert.Equal(("find", "text_found"), (errors[0].Path, errors[0].Rule));
    }

    [Fact]
    public void Validate_RefusesTheReplacementThatWouldGrowTheTextPastTheLimit_WhenItContainsWhatItFinds()
    {
        // Each run of this replacement multiplies the e's by 100: a few in a row once ran for minutes.
        using var doc = Documents.With(new string('e', 400));
        var grow = $$"""{"op":"replace_text","find":"e","replace":"{{new string('e', 100)}}"}""";
        doc.Run(grow);

        var errors = doc.Fail(grow);

        Assert.Equal(("find", "replace_limit"), (errors[0].Path, errors[0].Rule));
        Assert.Contains("more than 20,000 times", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(40_000, doc.Texts().Single().Length);
    }

    [Fact]
    public void Validate_RefusesAReplacementAddingMillionsOfCharacters()
    {
        using var doc = Documents.With(string.Join(' ', Enumerable.Repeat("x", 10_000)));

        var errors = doc.Fail($$"""{"op":"replace_text","find":"x","replace":"{{new string('y', 300)}}"}""");

        Assert.Equal(("replace", "replace_limit"), (errors[0].Path, errors[0].Rule));
        Assert.Contains("would add 2,990,000 characters", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_WritesTrackedRevisions_ThatAcceptAndRejectResolve()
    {
        using var doc = Runs.Paragraph("Pay ", "*net 30", " days");
        doc.TrackChanges = true;
        doc.Run("""{"op":"replace_text","find":"net 30 days","replace":"net 45 days"}""");
        using var tracked = doc.Reopen();
        var xml = tracked.BodyXml();
        Assert.Contains("w:del ", xml, StringComparison.Ordinal);
        Assert.Contains("w:ins ", xml, StringComparison.Ordinal);
        Assert.Contains("w:author=\"Officina\"", xml, StringComparison.Ordinal);
        Assert.Equal(["Pay net 45 days"], tracked.Texts());

        using var accepted = WordSession.Open(new MemoryStream(tracked.ToArray()));
        accepted.Run("""{"op":"accept_all_revisions"}""");
        using var rejected = WordSession.Open(new MemoryStream(tracked.ToArray()));
        rejected.Run("""{"op":"reject_all_revisions"}""");

        Assert.Equal(["Pay net 45 days"], accepted.Reopen().Texts());
        Assert.Equal(["Pay net 30 days"], rejected.Reopen().Texts());
        Assert.DoesNotContain("w:del ", accepted.BodyXml(), StringComparison.Ordinal);
        Assert.Equal("net 30", Runs.BoldText(rejected.Paragraphs.Single()));
    }
}
