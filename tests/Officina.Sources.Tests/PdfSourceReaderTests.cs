namespace Officina.Sources.Tests;

public sealed class PdfSourceReaderTests
{
    [Fact]
    public void Read_AnchorsEachPage_WhenPdfHasTwoPages()
    {
        var source = Sources.Pdf.PdfSourceReader.Read("report.pdf", TestPdfs.RevenueReport());

        Assert.Equal(SourceKind.Pdf, source.Kind);
        Assert.Equal(2, source.TotalUnits);
        Assert.StartsWith("[p.1]", source.Units[0].Text, StringComparison.Ordinal);
        Assert.Contains("Acme Corp Annual Report 2024", source.Units[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("[p.2]", source.Units[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RendersTableRowsWithCellAnchors_WhenPageHasAlignedColumns()
    {
        var page2 = Sources.Pdf.PdfSourceReader.Read("report.pdf", TestPdfs.RevenueReport()).Units[1].Text;
        var lines = page2.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("[p.2 table 1: 4 rows x 3 columns; cite a cell as p.2 table 1 rRcC]", lines);
        Assert.Contains("r1: Region | 2023 | 2024", lines);
        Assert.Contains("r2: North | 1,200 | 1,350", lines);
        Assert.Contains("r3: South | 980 | 1,105", lines);
        Assert.Contains("r4: West | 2,450 | 2,610", lines);
        // Text around the table stays text, in reading order.
        Assert.True(Array.IndexOf(lines, "Revenue by region (USD thousands)") < Array.IndexOf(lines, "r1: Region | 2023 | 2024"));
        Assert.Equal("Figures are unaudited.", lines[^1]);
    }

    [Fact]
    public void Text_NamesPagesLeftOut_WhenBudgetIsSmall()
    {
        var source = Sources.Pdf.PdfSourceReader.Read("report.pdf", TestPdfs.RevenueReport());

        var text = source.Text(90);

        Assert.Contains("[p.1]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[p.2]", text, StringComparison.Ordinal);
        Assert.Contains("1 of 2 pages shown", text, StringComparison.Ordinal);
        Assert.Contains("North | 1,200", source.Read(2, 2, 1000), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FromPath_DetectsPdfByContent_WhenExtensionIsWrong()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, TestPdfs.RevenueReport());
        try
        {
            var source = SourceReader.Read(path, "report.pdf");
            Assert.Equal(SourceKind.Pdf, source.Kind);
            Assert.Equal("report.pdf", source.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
