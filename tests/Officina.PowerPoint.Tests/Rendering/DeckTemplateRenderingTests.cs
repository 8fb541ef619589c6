using System.Diagnostics;
using System.Globalization;
using Officina.OpenXml.LibreOffice;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Rendering;

/// <summary>
/// Every layout of every shipped deck design, and a ten-slide deck built from one plan on each,
/// render in LibreOffice Impress to pages that are not blank: each page has both a dominant
/// background and a good share of other pixels (text, bars, charts). The PNGs stay in the test
/// output folder (<c>renders/templates/</c>) for a person to look at.
/// </summary>
public sealed class DeckTemplateRenderingTests
{
    public static TheoryData<string> Designs => [.. DeckDesign.BuiltIn.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Designs))]
    public async Task Showcase_RendersEveryLayoutWithContent(string name)
    {
        var design = DeckDesign.Find(name)!;
        using var deck = DeckTemplates.Showcase(design);

        var pages = await Render(deck, $"{name}-layouts");

        Assert.Equal(deck.Layouts.Count - 1, pages.Count);
        foreach (var (page, i) in pages.Select((p, i) => (p, i)))
        {
            AssertNotBlank(page, $"{name} layout '{DeckSession.LayoutName(deck.Slides[i].SlideLayoutPart!)}'");
        }
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public async Task TenSlidePlan_RendersOnEveryDesign(string name)
    {
        using var deck = DeckSession.Create(DeckDesign.Find(name));
        var plan = Decks.Serializer.Read(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Assets", "plans", "ten-slide-plan.json")));
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        foreach (var operation in plan.Plan!.Operations)
        {
            var outcome = deck.Execute(operation);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        }

        var report = await deck.VerifyAsync();
        Assert.DoesNotContain(report.Findings, f => f.Code is "low_contrast" or "text_overflow" or "off_slide");

        var pages = await Render(deck, $"{name}-ten-slides");

        Assert.Equal(10, pages.Count);
        pages.ForEach(p => AssertNotBlank(p, $"{name} ten-slide deck"));
    }

    private static void AssertNotBlank(Bitmap page, string what)
    {
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < page.Rgb.Length; i += 3)
        {
            var key = (page.Rgb[i] >> 4 << 8) | (page.Rgb[i + 1] >> 4 << 4) | (page.Rgb[i + 2] >> 4);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var total = page.Rgb.Length / 3;
        var dominant = counts.Values.Max();
        Assert.True(dominant < total * 0.998, string.Create(CultureInfo.InvariantCulture, $"{what}: the page is almost uniform ({dominant * 100.0 / total:0.0}% one colour)."));
        Assert.True(counts.Count > 4, $"{what}: the page shows only {counts.Count} colour(s).");
    }

    private static async Task<List<Bitmap>> Render(DeckSession deck, string name)
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        var folder = Path.Combine(AppContext.BaseDirectory, "renders", "templates");
        Directory.CreateDirectory(folder);
        var pdf = Path.Combine(folder, name + ".pdf");
        var bytes = deck.ToArray();
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".pptx"), bytes);
        await File.WriteAllBytesAsync(pdf, await runner.ConvertToPdfAsync(bytes, name + ".pptx"));
        await Run("pdftoppm", "-png", "-r", "50", pdf, Path.Combine(folder, name));
        await Run("pdftoppm", "-r", "20", pdf, Path.Combine(folder, name + "-sample"));
        return [.. Directory.GetFiles(folder, name + "-sample-*.ppm").Order(StringComparer.Ordinal).Select(Bitmap.Read)];
    }

    private static async Task Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (apt-get install poppler-utils).");
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>A page rendered by pdftoppm as a binary PPM (P6), which needs no image library to read.</summary>
    private sealed record Bitmap(int Width, int Height, byte[] Rgb)
    {
        public static Bitmap Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var fields = new List<string>();
            var at = 0;
            while (fields.Count < 4)
            {
                while (char.IsWhiteSpace((char)bytes[at]))
                {
                    at++;
                }

                var from = at;
                while (!char.IsWhiteSpace((char)bytes[at]))
                {
                    at++;
                }

                fields.Add(System.Text.Encoding.ASCII.GetString(bytes, from, at - from));
            }

            return new Bitmap(int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), bytes[(at + 1)..]);
        }
    }
}
