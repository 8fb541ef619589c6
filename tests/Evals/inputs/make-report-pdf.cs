#:package PdfPig
// Writes annual-report.pdf, the eval suite's PDF source: run `dotnet run make-report-pdf.cs`
// in this folder. Page 1 is prose; page 2 holds a revenue table with right-aligned numbers.
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

var builder = new PdfDocumentBuilder();
var font = builder.AddStandard14Font(Standard14Font.Helvetica);
var page1 = builder.AddPage(PageSize.A4);
page1.AddText("Acme Corp Annual Report 2024", 18, new PdfPoint(50, 780), font);
page1.AddText("Revenue grew in every region this year. Headcount was 412 at year end.", 11, new PdfPoint(50, 740), font);
var page2 = builder.AddPage(PageSize.A4);
page2.AddText("Revenue by region (USD thousands)", 14, new PdfPoint(50, 780), font);
string[][] rows = [["Region", "2023", "2024"], ["North", "1,200", "1,350"], ["South", "980", "1,105"], ["West", "2,450", "2,610"]];
var y = 740.0;
foreach (var row in rows)
{
    page2.AddText(row[0], 11, new PdfPoint(50, y), font);
    Right(row[1], 260);
    Right(row[2], 360);
    y -= 18;
}

page2.AddText("Figures are unaudited.", 9, new PdfPoint(50, 640), font);
File.WriteAllBytes("annual-report.pdf", builder.Build());

void Right(string text, double right)
{
    var width = page2.MeasureText(text, 11, new PdfPoint(0, 0), font).Max(l => l.BoundingBox.Right);
    page2.AddText(text, 11, new PdfPoint(right - width, y), font);
}
