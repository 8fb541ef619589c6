using System.Diagnostics;
using Officina.OpenXml.LibreOffice;

namespace Officina.OpenXml.Rendering;

/// <summary>
/// Renders an Office file to PDF with headless LibreOffice (through <see cref="LibreOfficeRunner"/>:
/// own profile, timeout, cleanup) and a PDF page to PNG with <c>pdftoppm</c> (poppler-utils),
/// for previews and visual checks. <c>pdftoppm</c> gets the LibreOffice runner's timeout per page.
/// </summary>
public sealed class PdfRenderer(LibreOfficeRunner libreOffice, string pdftoppm = "pdftoppm")
{
    private readonly TimeSpan _timeout = libreOffice.Timeout;

    /// <summary>A renderer with its own LibreOffice runner that may take <paramref name="timeout"/> (default 2 minutes).</summary>
    public PdfRenderer(TimeSpan? timeout = null)
        : this(new LibreOfficeRunner(timeout: timeout ?? LibreOfficeRunner.DefaultTimeout))
    {
    }

    /// <summary>Converts <paramref name="input"/> to a PDF in <paramref name="outputDirectory"/> and returns its path.</summary>
    public Task<string> ToPdfAsync(string input, string outputDirectory, CancellationToken cancellationToken = default) =>
        libreOffice.ConvertFileAsync(input, "pdf", outputDirectory, cancellationToken);

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

                // A cancelled caller gets its cancellation, not a timeout it might retry.
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"{program} did not finish within {_timeout.TotalSeconds:0} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
            }
        }
    }
}
