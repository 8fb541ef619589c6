using System.Diagnostics;
using Officina.OpenXml.Rendering;

namespace Officina.Excel.Tests.Rendering;

/// <summary>
/// Renders a workbook with a chart and a pivot table through real LibreOffice, proving a viewer
/// that does not refresh pivots shows the computed numbers and draws the chart. Set
/// OFFICINA_KEEP_RENDER to a folder to keep the PNG of page 1 for a look.
/// </summary>
public sealed class ChartAndPivotRenderingTests
{
    [Fact]
    public async Task Render_ShowsChartTitleAndPivotNumbers_InLibreOffice()
    {
        using var book = Operations.CreatePivotTableTests.SalesBook();
        book.Run("""{"op":"create_pivot_table","source":"Data!A1:D7","destination":"Data!F1","rows":["Region"],"values":[{"field":"Units"}]}""");
        book.Run("""{"op":"add_chart","anchor":"Data!A10","kind":"column","data":"Data!F1:G4","title":"Units by region","x_axis_title":"Region","y_axis_title":"Units","columns":7,"rows":14}""");
        book.Run("""{"op":"add_chart","anchor":"Data!I1","kind":"line","data":"Data!B1:C7","title":"Units trend","columns":6,"rows":12}""");
        using var reopened = book.Reopen();

        var folder = Path.Combine(Path.GetTempPath(), "officina-render-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var xlsx = Path.Combine(folder, "rendered.xlsx");
            reopened.SaveAs(xlsx);
            var renderer = new PdfRenderer(TimeSpan.FromMinutes(2));

            var pdf = await renderer.ToPdfAsync(xlsx, folder, CancellationToken.None);
            var png = await renderer.PageToPngAsync(pdf, 1, 60, CancellationToken.None);

            if (Environment.GetEnvironmentVariable("OFFICINA_KEEP_RENDER") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(png, Path.Combine(keep, "chart-and-pivot.png"), overwrite: true);
                File.Copy(xlsx, Path.Combine(keep, "chart-and-pivot.xlsx"), overwrite: true);
            }

            Assert.True(new FileInfo(png).Length > 2_000, "The PNG of page 1 is suspiciously small.");
            var text = await PdfText(pdf);
            if (Environment.GetEnvironmentVariable("OFFICINA_KEEP_RENDER") is { Length: > 0 } dir)
            {
                await File.WriteAllTextAsync(Path.Combine(dir, "page.txt"), text);
            }

            Assert.Contains("Units by region", text, StringComparison.Ordinal);
            Assert.Contains("Sum of Units", text, StringComparison.Ordinal);
            Assert.True(text.Contains("Grand Total", StringComparison.Ordinal) || text.Contains("Total Resu", StringComparison.Ordinal), "No grand total row on page 1."); // LibreOffice re-renders pivots with its own label
            Assert.Contains("37", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> PdfText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
