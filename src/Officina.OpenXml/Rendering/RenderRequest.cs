using System.Globalization;
using Officina.Operations;

namespace Officina.OpenXml.Rendering;

/// <summary>
/// What a render job makes: <c>pdf</c> or one <c>png</c> per page, of all pages or of
/// <see cref="Pages"/> (1-based, e.g. <c>1-3,5</c>), at <see cref="Dpi"/> (PNG only).
/// </summary>
public sealed record RenderRequest(string Format, string? Pages, int Dpi)
{
    public const string Pdf = "pdf";
    public const string Png = "png";
    public const int DefaultDpi = 96;
    public const int MinDpi = 36;
    public const int MaxDpi = 300;

    /// <summary>The highest page number a selection may name; documents are far shorter.</summary>
    public const int MaxPageNumber = 100_000;

    /// <summary>PNG pages come in a zip even when there is only one (the caller promised a zip, e.g. <c>-o pages.zip</c>).</summary>
    public bool Zip { get; init; }

    /// <summary>Checks the request's fields (as sent, null when missing); returns the request or the first error with its field path.</summary>
    public static (RenderRequest? Request, OperationError? Error) Create(string? format, string? pages, string? dpi)
    {
        var chosen = (format ?? Pdf).Trim().ToLowerInvariant();
        if (chosen is not (Pdf or Png))
        {
            return (null, new("$.format", "format", $"format must be 'pdf' or 'png'. Given: '{format}'."));
        }

        var resolution = DefaultDpi;
        if (dpi is not null && (!int.TryParse(dpi.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out resolution) || resolution is < MinDpi or > MaxDpi))
        {
            return (null, new("$.dpi", "dpi", $"dpi must be a whole number from {MinDpi} to {MaxDpi}. Given: '{dpi}'."));
        }

        string? selection = null;
        if (pages is not null)
        {
            if (Parse(pages, out var error) is null)
            {
                return (null, new("$.pages", "pages", error!));
            }

            selection = pages.Trim();
        }

        return (new RenderRequest(chosen, selection, resolution), null);
    }

    /// <summary>
    /// The pages to render of a document with <paramref name="pageCount"/> pages, ascending and
    /// each once; or the error naming the page count when the selection reaches past the end.
    /// </summary>
    public (IReadOnlyList<int>? Pages, string? Error) Select(int pageCount)
    {
        if (Pages is null)
        {
            return ([.. Enumerable.Range(1, pageCount)], null);
        }

        var chosen = Parse(Pages, out var error) ?? throw new InvalidOperationException($"The stored page selection is not valid: {error}");
        var last = chosen[^1];
        return last > pageCount
            ? (null, $"pages '{Pages}' asks for page {last}, but the document has {pageCount} page(s).")
            : (chosen, null);
    }

    /// <summary>Parses <c>1-3,5</c>: numbers and ascending ranges, from 1, separated by commas; null with the reason when it is not that.</summary>
    internal static IReadOnlyList<int>? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var chosen = new SortedSet<int>();
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (text.Length > 200 || parts.Any(p => p.Length == 0))
        {
            error = Rule(text);
            return null;
        }

        foreach (var part in parts)
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !TryPage(bounds[0], out var first) || !TryPage(bounds[^1], out var last))
            {
                error = Rule(text);
                return null;
            }

            if (last < first)
            {
                error = $"pages: the range '{part}' runs backwards; write it from the lower page, e.g. '{last}-{first}'. Given: '{text}'.";
                return null;
            }

            for (var page = first; page <= last; page++)
            {
                chosen.Add(page);
            }
        }

        return [.. chosen];
    }

    private static bool TryPage(string text, out int page) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= MaxPageNumber;

    private static string Rule(string text) =>
        $"pages must be page numbers and ranges from 1 separated by commas, e.g. '1-3,5' (at most {MaxPageNumber:N0}). Given: '{text}'.";
}
