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
