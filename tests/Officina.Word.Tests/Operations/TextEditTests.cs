using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

/// <summary>Builds paragraphs split over runs with different formatting, as Word leaves them.</summary>
internal static class Runs
{
    /// <summary>A document whose only paragraph holds the pieces as runs; pieces starting with '*' are bold.</summary>
    public static WordSession Paragraph(params string[] pieces)
    {
        var doc = Documents.With("placeholder");
        var paragraph = doc.Paragraph("placeholder");
        paragraph.RemoveAllChildren<Run>();
        foreach (var piece in pieces)
        {
            var bold = piece.StartsWith('*');
            var run = new Run();
            if (bold)
            {
                run.AppendChild(new RunProperties(new Bold()));
            }

            run.AppendChild(new Text(bold ? piece[1..] : piece) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.AppendChild(run);
        }

        return doc;
    }

    public static bool IsBold(Run run) => run.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value);

    public static string BoldText(Paragraph paragraph) =>
        string.Concat(ParagraphText.Runs(paragraph).Where(IsBold).SelectMany(r => r.Elements<Text>()).Select(t => t.Text));
}

public sealed class SetParagraphTextTests
{
    [Fact]
    public void Apply_ReplacesText_KeepingStyleAndFirstRunFormatting()
    {
        using var doc = Runs.Paragraph("*Bold start", " plain end");
        var id = doc.Paragraphs.Single().ParagraphId!.Value!;
        doc.Run($$"""{"op":"apply_style","paragraphs":["{{id}}"],"style":"Quote"}""");

        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{id}}","text":"Brand new"}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Ids.Find(id)!;
        Assert.Equal("Brand new", ParagraphText.Of(paragraph));
        Assert.Equal("Brand new", Runs.BoldText(paragraph));
        Assert.Equal("Quote", ParagraphText.StyleId(paragraph));
    }

    [Fact]
    public void Apply_TracksDeletionAndInsertion_WhenTrackingChanges()
    {
        using var doc = Documents.With("old words");
        var id = doc.IdOf("old words");
        doc.TrackChanges = true;

        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{id}}","text":"new words"}""");

        using var reopened = doc.Reopen();
        var paragraph = reopened.Ids.Find(id)!;
        Assert.Equal("new words", ParagraphText.Of(paragraph));
        Assert.Equal("old words", string.Concat(paragraph.Descendants<DeletedText>().Select(t => t.Text)));
        Assert.Single(paragraph.Elements<InsertedRun>());
    }
}

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
