using System.Diagnostics;

namespace Officina.OpenXml.Rendering;

/// <summary>
/// Renders an Office file to PDF with headless LibreOffice (<c>soffice</c>) and a PDF page to
/// PNG with <c>pdftoppm</c> (poppler-utils), for previews and visual checks. Every run gets its
/// own LibreOffice profile directory (removed afterwards) and a timeout; a run that times out
/// is killed. Kept small: the fuller LibreOffice runner (recalculation) lives elsewhere.
/// </summary>
public sealed class PdfRenderer(TimeSpan? timeout = null, string soffice = "soffice", string pdftoppm = "pdftoppm")
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMinutes(2);

    /// <summary>Converts <paramref name="input"/> to a PDF in <paramref name="outputDirectory"/> and returns its path.</summary>
    public async Task<string> ToPdfAsync(string input, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Directory.CreateDirectory(outputDirectory);
        var profile = Path.Combine(Path.GetTempPath(), "officina-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync(soffice,
                ["--headless", "--norestore", $"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--convert-to", "pdf", "--outdir", outputDirectory, input],
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }

        var pdf = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(input) + ".pdf");
        return File.Exists(pdf) ? pdf : throw new InvalidOperationException($"LibreOffice did not write {pdf}.");
    }

    /// <summary>Renders page <paramref name="page"/> (1-based) of a PDF to a PNG at <paramref name="dpi"/> and returns its path.</summary>
    public async Task<string> PageToPngAsync(string pdf, int page = 1, int dpi = 60, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var prefix = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdf))!, Path.GetFileNameWithoutExtension(pdf) + $"-p{page}");
        var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync(pdftoppm, ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", p, "-l", p, "-singlefile", pdf, prefix], cancellationToken).ConfigureAwait(false);
        var png = prefix + ".png";
        return File.Exists(png) ? png : throw new InvalidOperationException($"pdftoppm did not write {png}.");
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"'{program}' is not installed. Install it with: apt-get install libreoffice-calc-nogui poppler-utils. See inner exception for details.", ex);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within {_timeout.TotalSeconds:0} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
            }
        }
    }
}
