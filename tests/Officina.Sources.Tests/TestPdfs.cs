using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Officina.Sources.Tests;

/// <summary>Real PDFs written with PdfPig's builder: text placed at positions, as a report generator would.</summary>
internal static class TestPdfs
{
    /// <summary>Page 1: a title and a paragraph. Page 2: a heading, a revenue table (right-aligned numbers) and a footnote.</summary>
    public static byte[] RevenueReport()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page1 = builder.AddPage(PageSize.A4);
        page1.AddText("Acme Corp Annual Report 2024", 18, new PdfPoint(50, 780), font);
        page1.AddText("Revenue grew in every region this year.", 11, new PdfPoint(50, 740), font);

        var page2 = builder.AddPage(PageSize.A4);
        page2.AddText("Revenue by region (USD thousands)", 14, new PdfPoint(50, 780), font);
        string[][] rows =
        [
            ["Region", "2023", "2024"],
            ["North", "1,200", "1,350"],
            ["South", "980", "1,105"],
            ["West", "2,450", "2,610"],
        ];
        var y = 740.0;
        foreach (var row in rows)
        {
            page2.AddText(row[0], 11, new PdfPoint(50, y), font);
            RightAligned(page2, font, row[1], 260, y);
            RightAligned(page2, font, row[2], 360, y);
            y -= 18;
        }

        page2.AddText("Figures are unaudited.", 9, new PdfPoint(50, 640), font);
        return builder.Build();
    }

    private static void RightAligned(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string text, double right, double y)
    {
        var width = page.MeasureText(text, 11, new PdfPoint(0, 0), font).Max(l => l.BoundingBox.Right);
        page.AddText(text, 11, new PdfPoint(right - width, y), font);
    }
}
