using System.Text;
using System.Text.Json;
using Officina.Excel;
using Officina.Excel.Operations;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint;
using Officina.PowerPoint.Deck;
using Officina.Reports.Data;
using Officina.Word;
using Officina.Word.Paragraphs;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.Reports.Templates;

/// <summary>A worksheet cell holding placeholders: its address, its text, and whether it already has a number format.</summary>
/// <summary>A slide's speaker notes that hold placeholders: the slide's position and the notes' text.</summary>
public sealed record TemplateNotes(int Slide, string Text);

public sealed record TemplateCell(string Address, string Text, Placeholder? Whole, IReadOnlyList<Placeholder> Placeholders, bool HasNumberFormat);

/// <summary>
/// An Office document (xlsx, docx, pptx; by content) with <c>{{field}}</c> placeholders, checked
/// once by the package guard and scanned once for its placeholders; every record then opens its
/// own working copy from the same bytes. Word placeholders are found in the body, tables, text
/// boxes, headers, footers and notes (what <c>replace_text</c> reaches); PowerPoint placeholders
/// in every slide's shapes and tables; Excel placeholders through <c>find_cells</c> in literal
/// (non-formula) cells of every worksheet.
/// </summary>
public sealed class ReportTemplate
{
    private readonly byte[] _bytes;
    private readonly PackageLimits? _limits;

    private ReportTemplate(byte[] bytes, PackageInfo info, PackageLimits? limits, string? path)
    {
        _bytes = bytes;
        Info = info;
        _limits = limits;
        SourcePath = path is null ? null : Path.GetFullPath(path);
        using var session = OpenSession();
        switch (session)
        {
            case WorkbookSession book:
                Cells = ScanCells(book);
                Placeholders = [.. Cells.SelectMany(c => c.Placeholders).DistinctBy(p => p.Raw)];
                break;
            case WordSession document:
                Placeholders = Distinct(document.StoryParagraphs.Select(ParagraphText.Of));
                break;
            case DeckSession deck:
                Placeholders = Distinct(deck.Slides.SelectMany(s => s.Slide?.Descendants<A.Paragraph>() ?? []).Select(SlideParagraphText));
                Notes = [.. deck.Slides.Select((slide, i) => new TemplateNotes(i + 1, SlideNotes.Text(slide) ?? ""))
                    .Where(n => Placeholder.In(n.Text).Any())];
                break;
        }
    }

    public DocumentHost Host => Info.Host;

    /// <summary>What the package guard found.</summary>
    public PackageInfo Info { get; }

    /// <summary>The full path the template was read from, if any (never overwritten by a batch).</summary>
    public string? SourcePath { get; }

    /// <summary>Every distinct placeholder as written (raw text), in document order.</summary>
    public IReadOnlyList<Placeholder> Placeholders { get; } = [];

    /// <summary>Excel only: the cells holding placeholders.</summary>
    public IReadOnlyList<TemplateCell> Cells { get; } = [];

    /// <summary>PowerPoint only: the slides whose speaker notes hold placeholders, with the notes' text.</summary>
    public IReadOnlyList<TemplateNotes> Notes { get; } = [];

    /// <summary>Reads and checks the template at <paramref name="path"/>; throws <see cref="DocumentRejectedException"/> for anything that is not a supported, safe package.</summary>
    public static ReportTemplate Load(string path, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DocumentRejectedException("not_found", $"There is no template file at '{path}'.");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, limits, path);
    }

    public static ReportTemplate Load(Stream stream, PackageLimits? limits = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        var info = PackageGuard.Inspect(buffer, limits);
        return new ReportTemplate(buffer.ToArray(), info, limits, path);
    }

    /// <summary>A new working copy of the template, for one record; a workbook's verification runs <paramref name="libreOffice"/> when given.</summary>
    public IDocumentSession OpenSession(LibreOfficeRunner? libreOffice = null)
    {
        var input = new MemoryStream(_bytes, writable: false);
        return Info.Host switch
        {
            DocumentHost.Excel => WithLibreOffice(WorkbookSession.Open(input, _limits, Info), libreOffice),
            DocumentHost.Word => WordSession.Open(input, _limits, Info),
            DocumentHost.PowerPoint => DeckSession.Open(input, _limits, Info),
            _ => throw new DocumentRejectedException("unsupported_host", $"Officina cannot fill {Info.Host.ToName()} templates."),
        };
    }

    private static WorkbookSession WithLibreOffice(WorkbookSession book, LibreOfficeRunner? libreOffice)
    {
        if (libreOffice is not null)
        {
            book.LibreOffice = libreOffice;
        }

        return book;
    }

    private static List<Placeholder> Distinct(IEnumerable<string> texts) =>
        [.. texts.SelectMany(Placeholder.In).DistinctBy(p => p.Raw, StringComparer.Ordinal)];

    /// <summary>A slide paragraph's text as <c>replace_text</c> sees it: runs joined, breaks and fields as line breaks (a match never spans them).</summary>
    private static string SlideParagraphText(A.Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var child in paragraph.ChildElements)
        {
            text.Append(child switch
            {
                A.Run run => run.Text?.Text ?? "",
                A.Break or A.Field => "\n",
                _ => "",
            });
        }

        return text.ToString();
    }

    private static List<TemplateCell> ScanCells(WorkbookSession book)
    {
        var outcome = book.Execute(new FindCells(CellValue.FromText("{{"), MaxResults: FindCells.Cap));
        if (!outcome.Succeeded || outcome.Observation?.Data is not { } data)
        {
            return [];
        }

        var found = JsonSerializer.SerializeToElement(data);
        if (found.GetProperty("truncated").GetBoolean())
        {
            throw new ReportInputException("template_placeholders", $"The template has more than {FindCells.Cap:N0} cells with placeholders; fill large areas from a list field instead (a cell holding only {{{{rows}}}} takes a whole table).");
        }

        var cells = new List<TemplateCell>();
        foreach (var match in found.GetProperty("matches").EnumerateArray())
        {
            if (match.GetProperty("formula").ValueKind != JsonValueKind.Null || match.GetProperty("value").ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var text = match.GetProperty("value").GetString()!;
            var placeholders = Placeholder.In(text).ToList();
            if (placeholders.Count == 0)
            {
                continue;
            }

            var address = match.GetProperty("address").GetString()!;
            var (range, sheet) = book.Resolve(address);
            var style = sheet.FindCell(range.FirstRow, range.FirstColumn)?.StyleIndex?.Value ?? 0;
            var formatId = style == 0 ? 0 : book.Styles.CellFormatAt(style).NumberFormatId?.Value ?? 0;
            var hasFormat = formatId is not 0 and not 49; // General and Text (@) say nothing about how a number shows
            cells.Add(new TemplateCell(address, text, Placeholder.Whole(text), placeholders, hasFormat));
        }

        return cells;
    }
}
