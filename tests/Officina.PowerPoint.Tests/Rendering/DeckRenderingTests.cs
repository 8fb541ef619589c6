using System.Diagnostics;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Rendering;

namespace Officina.PowerPoint.Tests.Rendering;

/// <summary>
/// A deck made from nothing (title slide, bullets, chart, table, picture) renders in LibreOffice
/// Impress with its text where it belongs. The PNGs stay in the test output folder
/// (<c>renders/</c>) for a person to look at.
/// </summary>
public sealed class DeckRenderingTests
{
    [Fact]
    public async Task NewDeck_RendersEverySlideWithItsText()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        using var deck = Decks.Create();
        deck.AddSource("badge.png", () => new MemoryStream(Decks.Png(160, 160, 0xED, 0x7D, 0x31)));
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Acme 2024","bullets":[{"text":"Annual review"}]}""");
        deck.Run("""{"op":"add_slide","title":"Highlights","bullets":[{"text":"Revenue up 12%"},{"text":"Europe grew fastest","level":2},{"text":"Costs held flat"},{"text":"Two new products"}],"notes":"Keep it short."}""");
        deck.Run("""{"op":"add_slide","title":"Revenue by year"}""");
        deck.Run("""{"op":"add_chart","slide":3,"kind":"column","categories":["2022","2023","2024"],"series":[{"name":"Revenue","values":[1.2,1.5,1.9]},{"name":"Costs","values":[1.0,1.1,1.2]}],"title":"Revenue (USD m)"}""");
        deck.Run("""{"op":"add_slide","title":"Regions"}""");
        deck.Run("""{"op":"add_table","slide":4,"rows":[["Region","Units","Growth"],["North","1,200","8%"],["South","950","15%"],["West","780","4%"]]}""");
        deck.Run("""{"op":"add_image","slide":4,"source":"badge.png","x":840,"y":20,"width":80}""");
        var report = await deck.VerifyAsync();
        Assert.True(!report.HasErrors, string.Join("\n", report.Findings));

        var pdf = await runner.ConvertToPdfAsync(deck.ToArray(), "deck.pptx");
        var folder = Path.Combine(AppContext.BaseDirectory, "renders");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, "new-deck.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var pages = (await PdfText(pdfPath)).Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();

        Assert.Equal(4, pages.Count);
        Assert.Contains("Acme 2024", pages[0], StringComparison.Ordinal);
        Assert.Contains("Annual review", pages[0], StringComparison.Ordinal);
        Assert.Contains("Europe grew fastest", pages[1], StringComparison.Ordinal);
        Assert.Contains("Revenue (USD m)", pages[2], StringComparison.Ordinal);
        Assert.Contains("2023", pages[2], StringComparison.Ordinal);
        Assert.Contains("South", pages[3], StringComparison.Ordinal);
        Assert.Contains("15%", pages[3], StringComparison.Ordinal);
        var renderer = new PdfRenderer();
        for (var page = 1; page <= 4; page++)
        {
            Assert.True(new FileInfo(await renderer.PageToPngAsync(pdfPath, page, 50)).Length > 1000);
        }
    }

    private static async Task<string> PdfText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { ArgumentList = { "-layout", pdf, "-" }, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("pdftotext is needed for this test: apt-get install poppler-utils", ex);
        }

        using (process)
        {
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
    }
}
