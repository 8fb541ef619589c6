using System.Diagnostics;
using System.Globalization;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Rendering;

namespace Officina.PowerPoint.Tests.Rendering;

/// <summary>
/// Formatting operations show when LibreOffice Impress draws the deck: backgrounds (solid,
/// gradient, picture), text colour and highlight, shapes with their fills, rotation and
/// stacking. Colours are sampled from the rendered pages; the PNGs stay in the test output
/// folder (<c>renders/formatted-deck-p*.png</c>) for a person to look at.
/// </summary>
public sealed class FormattingRenderingTests
{
    [Fact]
    public async Task FormattedDeck_RendersBackgroundsFillsAndTextColours()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        using var deck = Decks.Create();
        deck.AddSource("sunset.png", () => new MemoryStream(Decks.Png(160, 90, 0xF4, 0xA2, 0x61)));

        deck.Run("""{"op":"add_slide","title":"Revenue grew 12% in Q3","bullets":[{"text":"Europe led the growth"},{"text":"Costs held flat"},{"text":"Two new products shipped"}]}""");
        deck.Run("""{"op":"set_slide_background","slide":1,"color":"#0B2545"}""");
        deck.Run("""{"op":"format_text","slide":1,"shape":"Title 1","font":"DejaVu Serif","size":40,"bold":true,"color":"#FFFFFF"}""");
        deck.Run("""{"op":"format_text","slide":1,"match":"12%","color":"accent4","underline":true}""");
        deck.Run("""{"op":"format_text","slide":1,"shape":"Content Placeholder 2","color":"#DDE6F0","size":28}""");
        deck.Run("""{"op":"format_text","slide":1,"shape":"Content Placeholder 2","paragraphs":[2],"italic":true,"highlight":"#FFFF00","color":"#000000"}""");
        deck.Run("""{"op":"format_text","slide":1,"shape":"Content Placeholder 2","paragraphs":[3],"alignment":"right","bullets":"none"}""");

        deck.Run("""{"op":"add_slide","layout":"Blank"}""");
        deck.Run("""{"op":"set_slide_background","slide":2,"gradient":{"stops":[{"color":"accent1"},{"color":"#FFFFFF"}],"angle":90}}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"chevron","x":60,"y":200,"width":200,"height":80,"text":"Plan"}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"chevron","x":270,"y":200,"width":200,"height":80,"text":"Build","fill_color":"accent2"}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"chevron","x":480,"y":200,"width":200,"height":80,"text":"Ship","fill_color":"#F2F2F2","line_color":"none"}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"ellipse","x":720,"y":340,"width":160,"height":160,"text":"Back"}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"rectangle","x":760,"y":380,"width":160,"height":120,"text":"Front","fill_color":"accent6","name":"Front"}""");
        deck.Run("""{"op":"reorder_shape","slide":2,"shape":"Front","order":"send_to_back"}""");
        deck.Run("""{"op":"format_shape","slide":2,"shape":"Oval 4","gradient":{"stops":[{"color":"#7030A0"},{"color":"#C00000"}],"angle":0},"line_color":"#000000","line_width":3,"line_dash":"dash"}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"right_arrow","x":120,"y":360,"width":240,"height":80,"text":"Rotated","fill_color":"accent5"}""");
        deck.Run("""{"op":"set_shape_geometry","slide":2,"shape":"Arrow: Right 6","rotation":-20}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"arrow","x":60,"y":120,"width":600,"height":0,"line_color":"#C00000"}""");
        deck.Run("""{"op":"format_shape","slide":2,"shape":"Straight Arrow Connector 7","line_width":4}""");

        deck.Run("""{"op":"add_slide","layout":"Title Only","title":"Picture background"}""");
        deck.Run("""{"op":"set_slide_background","slide":3,"image":"sunset.png"}""");
        deck.Run("""{"op":"add_text_box","slide":3,"paragraphs":[{"text":"A long note that has to shrink to fit this small box, since it goes on and on and on well past its height."}],"x":100,"y":300,"width":300,"height":60,"font_size":24,"name":"Note"}""");
        deck.Run("""{"op":"format_text","slide":3,"shape":"Note","autofit":"shrink_text","bold":true}""");
        deck.Run("""{"op":"format_shape","slide":3,"shape":"Note","fill_color":"background1","fill_transparency":20,"line_color":"text1"}""");

        var report = await deck.VerifyAsync();
        Assert.True(!report.HasErrors, string.Join("\n", report.Findings));

        var folder = Path.Combine(AppContext.BaseDirectory, "renders");
        Directory.CreateDirectory(folder);
        var pdf = Path.Combine(folder, "formatted-deck.pdf");
        await File.WriteAllBytesAsync(pdf, await runner.ConvertToPdfAsync(deck.ToArray(), "formatted-deck.pptx"));
        var renderer = new PdfRenderer();
        for (var page = 1; page <= 3; page++)
        {
            await renderer.PageToPngAsync(pdf, page, 80);
        }

        var first = await Pixels(pdf, 1);
        AssertColor(0x0B2545, first.At(0.02, 0.98), "slide 1's solid background");
        var second = await Pixels(pdf, 2);
        AssertColor(0x1F6FB2, second.At(0.5, 0.01), "the top of slide 2's gradient (accent1)");
        AssertColor(0xFFFFFF, second.At(0.5, 0.99), "the bottom of slide 2's gradient (white)");
        AssertColor(0xE8833A, second.At(0.33, 0.40), "the 'Build' chevron's accent2 fill");
        AssertColor(0xC8453D, second.At(0.948, 0.907), "the corner of the rectangle sent behind the ellipse");
        var third = await Pixels(pdf, 3);
        AssertColor(0xF4A261, third.At(0.9, 0.9), "slide 3's picture background");
    }

    [Fact]
    public async Task TableFooterAndGroup_RenderAsFormatted()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Quarterly review"}""");
        deck.Run("""{"op":"add_slide","layout":"Title Only","title":"Sales by region"}""");
        deck.Run("""{"op":"add_table","slide":2,"rows":[["Sales (k€)","",""],["Region","Q1","Q2"],["North","120","135"],["South","98","110"]],"x":40,"y":130,"width":560,"height":200,"font_size":18,"name":"Sales"}""");
        deck.Run("""{"op":"merge_table_cells","slide":2,"shape":"Sales","cells":"A1:C1"}""");
        deck.Run("""{"op":"set_table_text","slide":2,"shape":"Sales","cell":"B4","rows":[["101"]]}""");
        deck.Run("""{"op":"format_table","slide":2,"shape":"Sales","banded_rows":false,"column_widths":[240,160,160],"row_heights":[50,50,50,50]}""");
        deck.Run("""{"op":"format_table","slide":2,"shape":"Sales","cells":"B3:C4","fill_color":"#FFF2CC","border_color":"#C00000","border_width":3,"borders":["outside"]}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"rectangle","x":660,"y":150,"width":100,"height":100,"text":"A","fill_color":"accent6","name":"Square"}""");
        deck.Run("""{"op":"add_shape","slide":2,"geometry":"ellipse","x":800,"y":250,"width":100,"height":100,"text":"B","fill_color":"#7030A0","name":"Circle"}""");
        deck.Run("""{"op":"group_shapes","slide":2,"shapes":["Square","Circle"],"name":"Pair"}""");
        deck.Run("""{"op":"set_footer","footer":"Officina – confidential","slide_number":true,"skip_title_slides":true}""");

        var report = await deck.VerifyAsync();
        Assert.True(!report.HasErrors, string.Join("\n", report.Findings));

        var folder = Path.Combine(AppContext.BaseDirectory, "renders");
        Directory.CreateDirectory(folder);
        var pdf = Path.Combine(folder, "table-footer-group.pdf");
        await File.WriteAllBytesAsync(Path.ChangeExtension(pdf, ".pptx"), deck.ToArray());
        await File.WriteAllBytesAsync(pdf, await runner.ConvertToPdfAsync(deck.ToArray(), "table-footer-group.pptx"));
        await new PdfRenderer().PageToPngAsync(pdf, 2, 80);

        var page = await Pixels(pdf, 2);
        AssertColor(0xFFF2CC, page.At(0.4375, 0.505), "the filled cell B3");
        AssertColor(0xC00000, page.At(0.4375, 0.426), "the red border above B3:C4");
        AssertColor(0xC8453D, page.At(0.70, 0.30), "the grouped square (accent6)");
        AssertColor(0x7030A0, page.At(0.885, 0.62), "the grouped circle");
    }

    private static void AssertColor(int expected, (int R, int G, int B) actual, string what)
    {
        var (r, g, b) = ((expected >> 16) & 0xFF, (expected >> 8) & 0xFF, expected & 0xFF);
        var distance = Math.Abs(r - actual.R) + Math.Abs(g - actual.G) + Math.Abs(b - actual.B);
        Assert.True(distance <= 40, string.Create(CultureInfo.InvariantCulture,
            $"Expected {what} to be about #{expected:X6}; the render shows #{actual.R:X2}{actual.G:X2}{actual.B:X2}."));
    }

    /// <summary>A page rendered by pdftoppm as a binary PPM (P6), which needs no image library to read.</summary>
    private static async Task<Bitmap> Pixels(string pdf, int page)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, $"sample-p{page}");
        var p = page.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("pdftoppm") { ArgumentList = { "-r", "40", "-f", p, "-l", p, "-singlefile", pdf, prefix }, RedirectStandardError = true };
        using (var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start (apt-get install poppler-utils)."))
        {
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }

        var bytes = await File.ReadAllBytesAsync(prefix + ".ppm");
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

        Assert.Equal("P6", fields[0]);
        return new Bitmap(int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), bytes[(at + 1)..]);
    }

    private sealed record Bitmap(int Width, int Height, byte[] Rgb)
    {
        /// <summary>The pixel at a fraction of the page's width and height.</summary>
        public (int R, int G, int B) At(double x, double y)
        {
            var column = Math.Clamp((int)(x * Width), 0, Width - 1);
            var row = Math.Clamp((int)(y * Height), 0, Height - 1);
            var i = (row * Width + column) * 3;
            return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
        }
    }
}
