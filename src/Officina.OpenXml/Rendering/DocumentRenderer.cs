using System.Globalization;
using System.IO.Compression;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Officina.OpenXml.Rendering;

/// <summary>A render's output: the bytes, a file name and media type to save or send them under, and how many pages they hold of how many.</summary>
public sealed record RenderedFile(byte[] Content, string FileName, string ContentType, int Pages, int PageCount);

/// <summary>
/// Renders a document (the service's render jobs, <c>officina render</c>): LibreOffice headless converts it to PDF (through
/// <see cref="PdfRenderer"/>: own profile, timeout, process tree killed on timeout or cancel),
/// PdfPig counts its pages and, for a page selection, copies those pages into a new PDF;
/// <c>pdftoppm</c> renders each chosen page to PNG. The whole output is built in memory and
/// returned only when every step succeeded, so a failed render never leaves a partial result.
/// Failures a retry cannot fix are <see cref="RenderException"/>s with a code and a message.
/// </summary>
/// <param name="libreOffice">The LibreOffice to convert with; its timeout also bounds pdftoppm for each page, and its timeout setting is named when either times out.</param>
public sealed class DocumentRenderer(LibreOfficeRunner libreOffice)
{
    /// <summary>A renderer whose LibreOffice, and then pdftoppm for each page, may take <paramref name="timeout"/>; <paramref name="timeoutSetting"/> raises it.</summary>
    public DocumentRenderer(TimeSpan timeout, string timeoutSetting)
        : this(new LibreOfficeRunner(timeout: timeout, timeoutSetting: timeoutSetting))
    {
    }

    /// <summary>PNG renders of more pages than this are refused (ask for fewer with <c>pages</c>).</summary>
    public const int MaxPngPages = 100;

    /// <summary>A page rendered larger than this many pixels is refused (a huge page size at a high dpi).</summary>
    public const long MaxPixelsPerPage = 40_000_000;

    public async Task<RenderedFile> RenderAsync(
        byte[] document, string extension, string baseName, RenderRequest request, IProgress<PlanProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var renderer = new PdfRenderer(libreOffice);
        var work = Directory.CreateTempSubdirectory("officina-render-");
        try
        {
            var input = Path.Combine(work.FullName, "document" + extension);
            await File.WriteAllBytesAsync(input, document, cancellationToken).ConfigureAwait(false);
            progress.Report(new PlanProgress(0, 0, "Converting with LibreOffice"));
            var pdfPath = await Run("LibreOffice", () => renderer.ToPdfAsync(input, Path.Combine(work.FullName, "pdf"), cancellationToken)).ConfigureAwait(false);
            var pdf = await File.ReadAllBytesAsync(pdfPath, cancellationToken).ConfigureAwait(false);
            var sizes = PageSizes(pdf);
            if (sizes.Count == 0)
            {
                throw new RenderException("render_failed", "LibreOffice made a PDF with no pages: the document has nothing to print (an empty deck or workbook).");
            }

            var (pages, error) = request.Select(sizes.Count);
            if (pages is null)
            {
                throw new RenderException("pages_out_of_range", error!);
            }

            if (request.Format == RenderRequest.Pdf)
            {
                var content = request.Pages is null ? pdf : PdfMerger.Merge([pdf], [pages]);
                return new RenderedFile(content, baseName + ".pdf", "application/pdf", pages.Count, sizes.Count);
            }

            return await PngAsync(renderer, pdfPath, sizes, pages, baseName, request.Dpi, request.Zip, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A child that outlived its kill may still hold a file; the OS temp cleaner gets it.
            }
        }
    }

    private async Task<RenderedFile> PngAsync(
        PdfRenderer renderer, string pdfPath, List<(double Width, double Height)> sizes, IReadOnlyList<int> pages,
        string baseName, int dpi, bool zipAlways, IProgress<PlanProgress> progress, CancellationToken cancellationToken)
    {
        if (pages.Count > MaxPngPages)
        {
            throw new RenderException("too_many_pages",
                $"A PNG render makes at most {MaxPngPages} pages; this one asks for {pages.Count} of {sizes.Count}. Choose fewer with pages, e.g. pages=1-{MaxPngPages}, or render a PDF.");
        }

        foreach (var page in pages)
        {
            var (width, height) = sizes[page - 1];
            var pixels = Math.Ceiling(width / 72 * dpi) * Math.Ceiling(height / 72 * dpi);
            if (pixels > MaxPixelsPerPage)
            {
                throw new RenderException("page_too_large",
                    $"Page {page} is {width / 72:0.#} × {height / 72:0.#} in; at {dpi} dpi that is {pixels / 1e6:0.#} million pixels, more than the limit of {MaxPixelsPerPage / 1e6:0} million. Ask for a lower dpi.");
            }
        }

        var images = new List<(int Page, byte[] Png)>();
        for (var i = 0; i < pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.Report(new PlanProgress(i, pages.Count, $"Page {pages[i]} of {sizes.Count}"));
            var png = await Run("pdftoppm", () => renderer.PageToPngAsync(pdfPath, pages[i], dpi, cancellationToken)).ConfigureAwait(false);
            images.Add((pages[i], await File.ReadAllBytesAsync(png, cancellationToken).ConfigureAwait(false)));
        }

        if (images.Count == 1 && !zipAlways)
        {
            var name = sizes.Count == 1 ? $"{baseName}.png" : $"{baseName}-page-{images[0].Page}.png";
            return new RenderedFile(images[0].Png, name, "image/png", 1, sizes.Count);
        }

        var digits = Math.Max(2, sizes.Count.ToString(CultureInfo.InvariantCulture).Length);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (page, png) in images)
            {
                // PNG is compressed already; storing keeps the zip quick to make and to open.
                var entry = archive.CreateEntry($"page-{page.ToString("D" + digits, CultureInfo.InvariantCulture)}.png", CompressionLevel.NoCompression);
                await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(png, cancellationToken).ConfigureAwait(false);
            }
        }

        return new RenderedFile(zip.ToArray(), $"{baseName}-pages.zip", "application/zip", images.Count, sizes.Count);
    }

    /// <summary>The width and height (points) of every page of a PDF.</summary>
    private static List<(double Width, double Height)> PageSizes(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return [.. Enumerable.Range(1, document.NumberOfPages).Select(n => document.GetPage(n)).Select(p => (p.Width, p.Height))];
        }
        catch (PdfDocumentFormatException ex)
        {
            throw new RenderException("render_failed", $"LibreOffice made a PDF that cannot be read ({ex.Message}).");
        }
    }

    /// <summary>Runs a LibreOffice or pdftoppm step, turning its failures into render failures; cancellation passes through.</summary>
    private async Task<string> Run(string tool, Func<Task<string>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or LibreOfficeTimeoutException)
        {
            throw new RenderException("render_timeout",
                $"{tool} did not finish within {libreOffice.Timeout.TotalSeconds:0.#} s and was stopped; nothing was written. If the document is genuine and only slow, raise the limit with {libreOffice.TimeoutSetting}.", ex);
        }
        catch (LibreOfficeNotInstalledException ex)
        {
            throw new RenderException("libreoffice_missing", ex.Message);
        }
        catch (LibreOfficeException ex)
        {
            throw new RenderException("render_failed", $"LibreOffice could not convert the document to PDF; nothing was written. {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            throw new RenderException("render_failed", $"{tool} failed; nothing was written. {ex.Message}");
        }
    }
}
