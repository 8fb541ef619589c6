using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Formatting;

namespace Officina.Word.Tests.Formatting;

/// <summary>Style lookups stream the styles part; only adding a style loads and rewrites it.</summary>
public sealed class DocumentStylesTests
{
    [Theory]
    [InlineData("python-docx-report.docx")]
    [InlineData("libreoffice-review.docx")]
    public void Read_StreamsTheSameStylesTheLoadedPartHas(string asset)
    {
        using var document = WordprocessingDocument.Open(Documents.Asset(asset), false);
        var part = document.MainDocumentPart!.StyleDefinitionsPart!;

        var streamed = StyleInfo.Read(part);
        var loaded = part.Styles!.Elements<Style>().Select(StyleInfo.Of).ToList();

        Assert.NotEmpty(streamed);
        Assert.Equal(loaded, streamed);
        Assert.Contains(streamed, s => s.OutlineLevel == 0 && s.Id == "Heading1");
    }

    [Fact]
    public void Save_KeepsTheStylesPartByteForByte_WhenAPlanOnlyUsesExistingStyles()
    {
        using var doc = Documents.OpenAsset("python-docx-report.docx");
        var first = doc.Paragraphs.First();

        doc.Run($$"""{"op":"insert_table","anchor":"{{doc.Ids.Of(first)}}","rows":[["a","b"]],"style":"Table Grid"}""");
        doc.Run($$"""{"op":"apply_style","paragraphs":["{{doc.Ids.Of(first)}}"],"style":"Heading 2"}""");
        var output = doc.ToArray();

        Assert.Equal(StylesXml(File.ReadAllBytes(Documents.Asset("python-docx-report.docx"))), StylesXml(output));
        using var reopened = doc.Reopen();
        Assert.Equal("Heading2", reopened.Paragraphs.First().ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void Ensure_AddsAMissingBuiltInStyle_AndKeepsTheOthers()
    {
        using var doc = Documents.OpenAsset("libreoffice-review.docx");
        var before = doc.Styles.All.Select(s => s.Id).ToList();
        Assert.DoesNotContain("Quote", before);

        doc.Run($$"""{"op":"insert_paragraph","anchor":"end","text":"As they say.","style":"Quote"}""");

        using var reopened = doc.Reopen();
        var after = reopened.Styles.All.Select(s => s.Id).ToList();
        Assert.Equal([.. before, "Quote"], after);
        Assert.Equal("Quote", reopened.Paragraphs.Last().ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    private static string StylesXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/styles.xml")!.Open());
        return reader.ReadToEnd();
    }
}
