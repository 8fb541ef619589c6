using Officina.Excel;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;
using Officina.Word;

namespace Officina.Cli.Commands;

/// <summary>
/// The empty document of <c>--new</c> (<c>run</c>, <c>plan</c>, <c>apply</c>), chosen by the extension
/// (there is no content yet): a workbook for .xlsx/.xlsm, a Word document for .docx, a deck
/// (the first shipped design, corporate; or with <c>--template</c> a built-in design's name or a
/// company .potx/.pptx whose masters, layouts and theme it is built on) for .pptx. An existing
/// file is never replaced.
/// </summary>
internal static class NewDocument
{
    /// <summary>Makes the empty document in memory; refuses (<see cref="DocumentRejectedException"/>) an existing path or an extension it cannot make.</summary>
    public static IDocumentSession Create(string path, LibreOfficeRunner? libreOffice = null, string? template = null, Officina.OpenXml.Packaging.PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (template is not null && extension != ".pptx")
        {
            throw new DocumentRejectedException("template_host", $"--template gives a new deck its masters, layouts and theme: use it with --new NAME.pptx. Given: --new '{path}'.");
        }
        if (File.Exists(path))
        {
            throw new DocumentRejectedException("exists", $"--new makes a document from nothing, but '{path}' already exists; it is never replaced. Choose another name, or change the file itself (without --new, writing the result with -o OUT).");
        }

        return extension switch
        {
            ".xlsx" or ".xlsm" => libreOffice is null ? WorkbookSession.Create() : WithLibreOffice(WorkbookSession.Create(), libreOffice),
            ".docx" => WordSession.Create(),
            ".docm" or ".dotx" => throw new DocumentRejectedException("unknown_extension", $"--new makes a plain Word document: name it .docx (macro-enabled documents and templates cannot be made from nothing). Given: '{path}'."),
            ".pptx" when template is not null => Officina.PowerPoint.DeckSession.CreateFromTemplate(template, limits),
            ".pptx" => Officina.PowerPoint.DeckSession.Create(),
            ".pptm" or ".potx" => throw new DocumentRejectedException("unknown_extension", $"--new makes plain decks (.pptx), not macro-enabled decks or templates. Given: '{path}'. Use --new NAME.pptx."),
            _ => throw new DocumentRejectedException("unknown_extension", $"--new needs a file name ending in .xlsx (or .xlsm), .docx or .pptx so Officina knows what to make. Given: '{path}'."),
        };
    }

    private static WorkbookSession WithLibreOffice(WorkbookSession book, LibreOfficeRunner libreOffice)
    {
        book.LibreOffice = libreOffice;
        return book;
    }
}
