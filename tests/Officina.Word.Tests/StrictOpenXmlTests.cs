using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Testing;
using Officina.Word;

namespace Officina.Word.Tests;

/// <summary>
/// A document saved by Word as Strict Open XML (dotnet/Open-XML-SDK's AnnotationRef.docx, a
/// paragraph with a comment) opens, takes an edit and is saved as Transitional with the same content.
/// </summary>
public sealed class StrictOpenXmlTests
{
    private const string Asset = "Strict-AnnotationRef.docx";

    [Fact]
    public void Save_WritesTransitionalWithContentIntact_WhenDocumentIsStrict()
    {
        var input = File.ReadAllBytes(Documents.Asset(Asset));
        Assert.NotEmpty(StrictPackages.PartsNamingStrict(input));
        using var doc = WordSession.Open(new MemoryStream(input));

        doc.Run("""{"op":"insert_paragraph","anchor":"end","position":"after","text":"Added after opening a Strict file."}""");
        var saved = doc.ToArray();
        using var reopened = WordSession.Open(new MemoryStream(saved));

        Assert.Empty(StrictPackages.PartsNamingStrict(saved));
        Assert.Empty(reopened.Repairs);
        Assert.Equal(["This is some text.", "Added after opening a Strict file."], reopened.Texts());
        var comment = Assert.Single(reopened.MainPart.WordprocessingCommentsPart!.Comments.Elements<Comment>());
        Assert.False(string.IsNullOrWhiteSpace(comment.InnerText));
        Assert.Single(reopened.Body.Descendants<CommentReference>());
        Assert.Empty(StrictPackages.SchemaErrors(reopened.Document));
        Assert.Contains(doc.Repairs, r => r.Contains("Strict Open XML", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("72pt")]
    [InlineData("2.54cm")]
    [InlineData("1in")]
    public void Open_ConvertsUniversalMeasureToTwips_WhenDocumentIsStrict(string measure)
    {
        var input = HostilePackages.ReplaceText(File.ReadAllBytes(Documents.Asset(Asset)), "word/document.xml",
            xml => xml.Replace("""w:left="1440" w:header""", $"""w:left="{measure}" w:header""", StringComparison.Ordinal));
        Assert.Contains(measure, StrictPackages.PartText(input, "word/document.xml"), StringComparison.Ordinal);
        using var doc = WordSession.Open(new MemoryStream(input));

        doc.Run("""{"op":"insert_paragraph","anchor":"end","position":"after","text":"More."}""");
        using var reopened = doc.Reopen();

        var margins = reopened.Body.Descendants<PageMargin>().Single();
        Assert.Equal(1440u, margins.Left!.Value);
        Assert.Empty(StrictPackages.SchemaErrors(reopened.Document));
        Assert.Contains(doc.Repairs, r => r.Contains("measures written as text", StringComparison.Ordinal));
    }
}
