using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.Packaging;
using Officina.Operations;

namespace Officina.OpenXml.Tests.Packaging;

/// <summary>What the repair tests share: whether the bare SDK reads a package, and the package as the hosts load it.</summary>
internal static class RepairedPackages
{
    /// <summary>Opens the workbook with the bare SDK the way a session does (open, read the workbook, save a copy); the exception, or null when it reads.</summary>
    public static Exception? BareSdkFailure(byte[] package)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(package), false);
            _ = document.WorkbookPart!.Workbook.Sheets!.Count();
            document.Clone(new MemoryStream()).Dispose();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>Loads the workbook as every host does, then opens the mended working copy with the SDK; the repairs a session reports.</summary>
    public static (SpreadsheetDocument Document, IReadOnlyList<string> Repairs) Load(byte[] package)
    {
        var loaded = WorkingCopy.Load(new MemoryStream(package), null, DocumentHost.Excel, "an Excel workbook");
        var document = WorkingCopy.Open(() => SpreadsheetDocument.Open(loaded.Working, false), "workbook");
        return (document, WorkingCopy.Repairs(loaded, document));
    }

    public static List<string> SheetNames(SpreadsheetDocument document) =>
        [.. document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!)];
}
