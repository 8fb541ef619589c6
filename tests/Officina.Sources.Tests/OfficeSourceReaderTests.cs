using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Excel;
using Officina.Excel.Operations;
using Officina.Operations;
using Officina.Sources.Office;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Sources.Tests;

public sealed class OfficeSourceReaderTests
{
    [Fact]
    public void ReadWorkbook_GivesDigestAndCellsBySheet()
    {
        using var book = WorkbookSession.Create("Data");
        book.Execute(new SetValues("Data!A1:B2", [["Region", "Revenue"], ["North", 1200]]));

        var source = OfficeSourceReader.ReadWorkbook("book.xlsx", book.ToArray(), 1000);

        Assert.Equal(SourceKind.Workbook, source.Kind);
        Assert.Contains("Data", source.Units[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("[sheet Data]", source.Units[1].Text, StringComparison.Ordinal);
        Assert.Contains("1200", source.Units[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDocument_AnchorsParagraphsAndTableRows()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(
                new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Heading1" }), new W.Run(new W.Text("Results"))),
                new W.Paragraph(new W.Run(new W.Text("Revenue rose 12%."))),
                new W.Table(new W.TableRow(new W.TableCell(new W.Paragraph(new W.Run(new W.Text("North")))), new W.TableCell(new W.Paragraph(new W.Run(new W.Text("1350"))))))));
        }

        var source = OfficeSourceReader.ReadDocument("memo.docx", stream.ToArray());

        Assert.Equal("[para 1] # Results\n[para 2] Revenue rose 12%.\n[para 3] North | 1350\n", source.Units[0].Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ReadPresentation_GivesOneUnitPerSlide()
    {
        using var stream = new MemoryStream();
        using (var deck = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var part = deck.AddPresentationPart();
            var ids = new P.SlideIdList();
            uint id = 256;
            foreach (var title in new[] { "Q4 results", "Outlook" })
            {
                var slide = part.AddNewPart<SlidePart>();
                slide.Slide = new P.Slide(new P.CommonSlideData(new P.ShapeTree(new P.Shape(new P.TextBody(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(title))))))));
                ids.Append(new P.SlideId { Id = id++, RelationshipId = part.GetIdOfPart(slide) });
            }

            part.Presentation = new P.Presentation(ids);
        }

        var source = OfficeSourceReader.ReadPresentation("deck.pptx", stream.ToArray());

        Assert.Equal(["[slide 1]\nQ4 results", "[slide 2]\nOutlook"], source.Units.Select(u => u.Text));
    }
}
