using System.Diagnostics;
using Officina.OpenXml.Rendering;

namespace Officina.Word.Tests;

/// <summary>A document built by the operations renders in LibreOffice: PDF with the inserted text, and a PNG preview.</summary>
public sealed class RenderingTests
{
    [Fact]
    public async Task Document_BuiltByOperations_RendersToPdfAndPng()
    {
        Assert.True(new Officina.OpenXml.LibreOffice.LibreOfficeRunner().IsInstalled, "LibreOffice is needed for this test: apt-get install libreoffice-writer-nogui");
        var keep = Environment.GetEnvironmentVariable("OFFICINA_RENDER_DIR");
        var work = Directory.CreateTempSubdirectory("officina-word-render-");
        try
        {
            var path = Path.Combine(work.FullName, "report.docx");
            using (var doc = WordSession.Create())
            {
                doc.Run("""{"op":"insert_paragraph","anchor":"end","text":"Quarterly Report","style":"Title"}""");
                doc.Run("""{"op":"insert_heading","anchor":"end","text":"Revenue Highlights","level":1}""");
                doc.Run("""{"op":"insert_paragraph","anchor":"end","text":"Revenue grew 12 percent to 4.2 million, ahead of plan."}""");
                doc.Run("""{"op":"format_text","match":"12 percent","bold":true,"color":"#C00000"}""");
                doc.Run("""{"op":"insert_list","anchor":"end","kind":"bulleted","items":[{"text":"New customer in Lyon"},{"text":"Second product line","level":1}]}""");
                doc.Run("""{"op":"insert_table","anchor":"end","rows":[["Region","Revenue"],["North","1.5"],["South","1.2"]]}""");
                doc.Run("""{"op":"set_header","text":"ACME Corp"}""");
                doc.Run("""{"op":"set_footer","text":"Page {page} of {pages}"}""");
                doc.Run("""{"op":"insert_table_of_contents","anchor":"start","levels":2}""");
                doc.TrackChanges = true;
                doc.Run("""{"op":"replace_text","find":"4.2 million","replace":"4.3 million"}""");
                doc.SaveAs(path);
            }

            var renderer = new PdfRenderer(TimeSpan.FromMinutes(3));
            var pdf = await renderer.ToPdfAsync(path, work.FullName);
            var png = await renderer.PageToPngAsync(pdf, 1, 60);

            Assert.True(new FileInfo(png).Length > 1000, "The PNG preview is empty.");
            var text = await PdfText(pdf);
            Assert.Contains("Revenue Highlights", text, StringComparison.Ordinal);
            Assert.Contains("Quarterly Report", text, StringComparison.Ordinal);
            Assert.Contains("North", text, StringComparison.Ordinal);
            Assert.Contains("ACME Corp", text, StringComparison.Ordinal);
            if (keep is not null)
            {
                File.Copy(png, Path.Combine(keep, "word-render.png"), overwrite: true);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> PdfText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { ArgumentList = { "-layout", pdf, "-" }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start (apt-get install poppler-utils).");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
