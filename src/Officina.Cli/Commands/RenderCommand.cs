using System.CommandLine;
using System.Globalization;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.OpenXml.Rendering;
using Officina.Operations;
using Officina.Planning;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina render FILE [--png] [--pages 1-3,5] [--dpi 96] [-o OUT]</c>: the document as
/// LibreOffice prints it, to PDF or one PNG per page (a zip when there are several, or whenever
/// OUT ends in .zip), to look at what a plan produced. The input is not changed.
/// </summary>
public static class RenderCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var file = new Argument<string>("FILE") { Description = "The document to render (not modified)" };
        var png = new Option<bool>("--png") { Description = "PNG images, one per page (a zip of them when there are several), instead of a PDF" };
        var pages = new Option<string?>("--pages") { Description = "Pages to render, e.g. 1-3,5 (default: all)" };
        var dpi = new Option<string?>("--dpi") { Description = $"PNG resolution, {RenderRequest.MinDpi}–{RenderRequest.MaxDpi} (default {RenderRequest.DefaultDpi})" };
        var outPath = new Option<string?>("--output", "-o") { Description = "Output file (default: next to FILE, e.g. deck.pdf, deck-page-2.png, deck-pages.zip); a name ending in .zip always gets a zip of PNG pages" };
        var timeout = new Option<double?>("--timeout") { Description = $"Seconds LibreOffice (and pdftoppm, per page) may take; the same as {EngineBudgets.LibreOfficeTimeoutOption} (default {LibreOfficeRunner.DefaultTimeout.TotalSeconds:0})" };
        var command = new Command("render", "Render a document to PDF or PNG pages with LibreOffice") { file, png, pages, dpi, outPath, timeout };
        command.SetAction((parse, cancellationToken) =>
        {
            var o = output();
            return CommandErrors.GuardAsync(o, async () =>
            {
                // An output named .zip is a zip of PNG pages, whatever the page count and with or without --png.
                var zip = parse.GetValue(outPath)?.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) == true;
                var (request, error) = RenderRequest.Create(parse.GetValue(png) || zip ? RenderRequest.Png : RenderRequest.Pdf, parse.GetValue(pages), parse.GetValue(dpi));
                if (request is null)
                {
                    o.Error.WriteLine($"error: {error!.Message} [{error.Path.Replace("$.", "--", StringComparison.Ordinal)}]");
                    return ExitCodes.Invalid;
                }

                request = request with { Zip = zip };

                var budgets = EngineBudgets.From(parse, parse.GetValue(timeout) is { } seconds
                    ? seconds > 0 && double.IsFinite(seconds) ? seconds : throw new UsageException($"--timeout must be a positive number of seconds. Given: {seconds.ToString(CultureInfo.InvariantCulture)}.")
                    : null);
                var input = parse.GetValue(file)!;
                var document = await File.ReadAllBytesAsync(input, cancellationToken).ConfigureAwait(false);
                PackageInfo info;
                using (var stream = new MemoryStream(document, writable: false))
                {
                    info = DocumentSessions.Inspect(stream, budgets.Limits);
                }

                var renderer = new DocumentRenderer(budgets.LibreOffice);
                RenderedFile rendered;
                try
                {
                    rendered = await o.WithStatusAsync("Rendering", status => renderer.RenderAsync(
                        document, info.Extension, Path.GetFileNameWithoutExtension(input), request, new Progress<PlanProgress>(p => status(p.Current ?? "")), cancellationToken)).ConfigureAwait(false);
                }
                catch (RenderException ex)
                {
                    o.Error.WriteLine($"error: {ex.Message} [{ex.Code}]");
                    return ex.Code == "pages_out_of_range" ? ExitCodes.Invalid : ExitCodes.Failure;
                }

                var target = Path.GetFullPath(parse.GetValue(outPath) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, rendered.FileName));
                if (string.Equals(target, Path.GetFullPath(input), StringComparison.Ordinal))
                {
                    o.Error.WriteLine($"error: the output '{target}' is the input; choose another with --output.");
                    return ExitCodes.Invalid;
                }

                if (rendered.ContentType == "application/zip" && target.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                {
                    o.Error.WriteLine($"error: a .png holds one page, but {rendered.Pages} pages were rendered; name the output .zip for all of them, or choose one with --pages. Given: '{parse.GetValue(outPath)}'.");
                    return ExitCodes.Invalid;
                }

                AtomicFile.Write(target, stream => stream.Write(rendered.Content));
                var kind = rendered.ContentType switch { "application/pdf" => "PDF", "image/png" => "PNG", _ => "PNG pages in a zip" };
                o.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rendered {rendered.Pages} of {rendered.PageCount} page(s) as {kind}: {target}"));
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
