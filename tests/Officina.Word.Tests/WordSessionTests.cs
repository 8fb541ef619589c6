using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Operations;

namespace Officina.Word.Tests;

public sealed class WordSessionTests
{
    [Fact]
    public void Create_MakesValidDocument_WithTheBasicStyles()
    {
        using var doc = WordSession.Create();

        using var reopened = doc.Reopen();

        foreach (var style in new[] { "Normal", "Title", "Heading1", "Heading2", "Heading3", "ListParagraph" })
        {
            Assert.NotNull(reopened.Styles.Find(style));
        }

        Assert.Equal("List Paragraph", reopened.Styles.NameOf("ListParagraph"));
        Assert.Empty(reopened.Paragraphs);
    }

    [Fact]
    public void Open_KeepsExistingParaIds_AndAddsMissingOnes()
    {
        var original = File.ReadAllBytes(Documents.Asset("libreoffice-review.docx"));
        using (var raw = WordprocessingDocument.Open(new MemoryStream(original), false))
        {
            Assert.DoesNotContain(raw.MainDocumentPart!.Document.Body!.Descendants<Paragraph>(), p => p.ParagraphId is not null);
        }

        using var doc = WordSession.Open(new MemoryStream(original));
        var ids = doc.Paragraphs.Select(p => p.ParagraphId!.Value).ToList();
        using var reopened = doc.Reopen();
        using var again = reopened.Reopen();

        Assert.Equal(ids, again.Paragraphs.Select(p => p.ParagraphId!.Value));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Open_Refuses_WhenFileIsReallyAWorkbook()
    {
        var workbook = new MemoryStream();
        using (var book = SpreadsheetDocument.Create(workbook, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            book.AddWorkbookPart().Workbook = new Workbook(new Sheets());
        }

        workbook.Position = 0;
        var error = Assert.Throws<DocumentRejectedException>(() => WordSession.Open(workbook));

        Assert.Equal("wrong_host", error.Reason);
        Assert.Contains("excel document, not a Word document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanRunner_Refuses_WhenPlanIsForExcel()
    {
        using var doc = Documents.With("text");

        var result = PlanRunner.Apply(doc, new Plan(DocumentHost.Excel, null, false, []));

        Assert.Equal("$.host", Assert.Single(result.Errors).Path);
        Assert.Contains("The plan is for excel but the document is a word document", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_LeavesSessionUsable_AndInputUntouched()
    {
        var original = File.ReadAllBytes(Documents.Asset("python-docx-report.docx"));
        var input = new MemoryStream(original);
        using var doc = WordSession.Open(input);
        doc.Execute(new InsertParagraph("end", "one"));

        var first = doc.ToArray();
        doc.Execute(new InsertParagraph("end", "two"));
        var second = doc.ToArray();

        Assert.Equal(original, input.ToArray());
        Assert.True(second.Length >= first.Length);
        Assert.Equal("two", Documents.Texts(WordSession.Open(new MemoryStream(second)))[^1]);
    }
}
