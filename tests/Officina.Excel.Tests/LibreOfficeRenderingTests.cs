using System.Diagnostics;
using Officina.Excel;

namespace Officina.Excel.Tests;

/// <summary>A workbook with a table, a conditional format, a validation and a note must render in LibreOffice.</summary>
public sealed class LibreOfficeRenderingTests
{
    [Fact]
    public async Task Output_WithTableConditionalFormatAndComment_ConvertsToPdf()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null, "LibreOffice is needed for this test: apt-get install libreoffice-calc-nogui");
        var work = Directory.CreateTempSubdirectory("officina-render-");
        try
        {
            using (var book = WorkbookSession.Create("Sales"))
            {
                book.Run("""{"op":"set_values","range":"Sales!A1:B4","values":[["Region","Units"],["North",10],["South",25],["East",7]]}""");
                book.Run("""{"op":"create_table","range":"Sales!A1:B4","name":"SalesTable","show_totals":true}""");
                book.Run("""{"op":"add_conditional_format","range":"Sales!B2:B4","rule":"cell_value","operator":"greater_than","values":["8"],"fill_color":"#C6EFCE"}""");
                book.Run("""{"op":"add_data_validation","range":"Sales!A2:A4","type":"list","items":["North","South","East","West"]}""");
                book.Run("""{"op":"add_comment","cell":"Sales!B3","text":"Includes the March promotion"}""");
                book.Run("""{"op":"define_name","name":"Units","refers_to":"Sales!B2:B4"}""");
                book.SaveAs(Path.Combine(work.FullName, "features.xlsx"));
            }

            var start = new ProcessStartInfo(soffice!)
            {
                ArgumentList = { $"-env:UserInstallation=file://{work.FullName}/profile", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.FullName, Path.Combine(work.FullName, "features.xlsx") },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("LibreOffice did not finish converting within 180 seconds.");
            }

            var pdf = new FileInfo(Path.Combine(work.FullName, "features.pdf"));
            Assert.True(process.ExitCode == 0 && pdf.Exists && pdf.Length > 1000,
                $"LibreOffice failed (exit {process.ExitCode}): {await output} {await error}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
