using System.Diagnostics;
using System.Globalization;
using Officina.OpenXml.Rendering;

namespace Officina.Excel.Tests.Rendering;

/// <summary>
/// A sheet too wide for portrait A4 prints its last columns on later pages; after set_page_setup
/// with landscape and fit to 1 page wide, LibreOffice puts every column on page 1. Set
/// OFFICINA_KEEP_RENDER to a folder to keep the PNGs of page 1 for a look.
/// </summary>
public sealed class PageSetupRenderingTests
{
    private const int Columns = 18;

    [Fact]
    public async Task Render_PutsEveryColumnOnPageOne_WhenFittedToOnePageWide()
    {
        var folder = Directory.CreateTempSubdirectory("officina-pagesetup-").FullName;
        try
        {
            var (portraitText, portraitPages, _) = await Render(folder, "portrait", fit: false);
            var (fittedText, fittedPages, png) = await Render(folder, "fitted", fit: true);

            var last = Header(Columns);
            Assert.Contains(Header(1), portraitText, StringComparison.Ordinal);
            Assert.DoesNotContain(last, portraitText, StringComparison.Ordinal); // portrait A4 splits the columns
            Assert.True(portraitPages > 1, $"The unfitted sheet printed on {portraitPages} page(s).");
            Assert.All(Enumerable.Range(1, Columns), c => Assert.Contains(Header(c), fittedText, StringComparison.Ordinal));
            Assert.Contains("Wide report", fittedText, StringComparison.Ordinal); // the header text
            Assert.Contains("Page 1 of 1", fittedText, StringComparison.Ordinal); // the footer's &P and &N
            Assert.Equal(1, fittedPages);
            Assert.True(new FileInfo(png).Length > 2_000, "The PNG of page 1 is suspiciously small.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Header(int column) => "Metric" + column.ToString("00", CultureInfo.InvariantCulture);

    private static async Task<(string Text, int Pages, string Png)> Render(string folder, string name, bool fit)
    {
        using var book = WorkbookSession.Create("Wide");
        var headers = string.Join(",", Enumerable.Range(1, Columns).Select(c => $"\"{Header(c)}\""));
        var rows = string.Join(",", Enumerable.Range(1, 30).Select(r => "[" + string.Join(",", Enumerable.Range(1, Columns).Select(c => (r * 1000 + c).ToString(CultureInfo.InvariantCulture))) + "]"));
        book.Run($$"""{"op":"set_values","range":"Wide!A1","values":[[{{headers}}],{{rows}}]}""");
        book.Run("""{"op":"set_column_width","columns":"A:R","width":14}""");
        book.Run("""{"op":"set_page_setup","orientation":"portrait","paper_size":"a4"}""");
        if (fit)
        {
            book.Run("""{"op":"set_page_setup","orientation":"landscape","fit_to_pages_wide":1,"header":"Wide report","footer":"Page &P of &N","print_title_rows":"1:1"}""");
        }

        using var reopened = book.Reopen();
        var xlsx = Path.Combine(folder, name + ".xlsx");
        reopened.SaveAs(xlsx);
        var renderer = new PdfRenderer(TimeSpan.FromMinutes(2));
        var pdf = await renderer.ToPdfAsync(xlsx, folder, CancellationToken.None);
        var png = await renderer.PageToPngAsync(pdf, 1, 60, CancellationToken.None);
        if (Environment.GetEnvironmentVariable("OFFICINA_KEEP_RENDER") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(png, Path.Combine(keep, $"page-setup-{name}.png"), overwrite: true);
            File.Copy(xlsx, Path.Combine(keep, $"page-setup-{name}.xlsx"), overwrite: true);
        }

        return (await Poppler("pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-"), Pages(await Poppler("pdfinfo", pdf)), png);
    }

    private static int Pages(string info) =>
        int.Parse(info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);

    private static async Task<string> Poppler(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed (exit {process.ExitCode}); install poppler-utils.");
        return text;
    }
}
