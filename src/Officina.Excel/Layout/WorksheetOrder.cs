using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Layout;

/// <summary>
/// Places <c>&lt;worksheet&gt;</c> children where the schema wants them, so Excel opens the
/// file without a repair prompt. An <c>mc:AlternateContent</c> block ranks as the element its
/// first choice wraps (Excel wraps <c>controls</c> and <c>oleObjects</c> that way).
/// </summary>
public static class WorksheetOrder
{
    private static readonly string[] Order =
    [
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
        "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
        "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
        "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
        "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    ];

    /// <summary>The worksheet's first <typeparamref name="T"/>, inserted in schema order when missing.</summary>
    public static T GetOrInsert<T>(Worksheet worksheet)
        where T : OpenXmlElement, new()
    {
        ArgumentNullException.ThrowIfNull(worksheet);
        return worksheet.GetFirstChild<T>() ?? Insert(worksheet, new T());
    }

    /// <summary>Inserts <paramref name="element"/> before the first child the schema puts after it.</summary>
    public static T Insert<T>(Worksheet worksheet, T element)
        where T : OpenXmlElement
    {
        ArgumentNullException.ThrowIfNull(worksheet);
        ArgumentNullException.ThrowIfNull(element);
        var rank = Array.IndexOf(Order, element.LocalName);
        var before = worksheet.ChildElements.FirstOrDefault(child => RankOf(child) > rank);
        return before is null ? worksheet.AppendChild(element) : worksheet.InsertBefore(element, before);
    }

    private static int RankOf(OpenXmlElement child)
    {
        if (child is AlternateContent alternate)
        {
            var wrapped = alternate.Elements<AlternateContentChoice>().FirstOrDefault()?.FirstChild;
            return wrapped is null ? -1 : Array.IndexOf(Order, wrapped.LocalName);
        }

        return Array.IndexOf(Order, child.LocalName);
    }
}
