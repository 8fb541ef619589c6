using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Layout;

/// <summary>
/// Places new children of <c>&lt;worksheet&gt;</c> and <c>&lt;workbook&gt;</c> where the schema
/// puts them, so that Excel opens the file without a repair prompt. Elements are ranked by
/// local name; markup-compatibility wrappers (<c>mc:AlternateContent</c>) rank as the first
/// element of their first choice.
/// </summary>
public static class WorksheetLayout
{
    private static readonly string[] WorksheetOrder =
    [
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
        "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
        "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
        "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
        "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    ];

    private static readonly string[] WorkbookOrder =
    [
        "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
        "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
        "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
    ];

    /// <summary>Inserts <paramref name="element"/> after every sibling that ranks at or before it (so after its own kind).</summary>
    public static T Insert<T>(Worksheet worksheet, T element)
        where T : OpenXmlElement => Insert(worksheet, element, WorksheetOrder);

    public static T Insert<T>(Workbook workbook, T element)
        where T : OpenXmlElement => Insert(workbook, element, WorkbookOrder);

    /// <summary>The worksheet's first <typeparamref name="T"/> child, or a new one inserted in schema order.</summary>
    public static T GetOrInsert<T>(Worksheet worksheet)
        where T : OpenXmlElement, new() => worksheet.GetFirstChild<T>() ?? Insert(worksheet, new T());

    private static T Insert<T>(OpenXmlCompositeElement parent, T element, string[] order)
        where T : OpenXmlElement
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(element);
        var rank = Array.IndexOf(order, element.LocalName);
        if (rank < 0)
        {
            throw new ArgumentException($"'{element.LocalName}' is not a child of <{parent.LocalName}>.", nameof(element));
        }

        var before = parent.ChildElements.FirstOrDefault(child => Rank(child, order) > rank);
        if (before is null)
        {
            parent.AppendChild(element);
        }
        else
        {
            parent.InsertBefore(element, before);
        }

        return element;
    }

    private static int Rank(OpenXmlElement child, string[] order)
    {
        if (child is AlternateContent alternate)
        {
            var first = alternate.ChildElements.FirstOrDefault()?.ChildElements.FirstOrDefault();
            return first is null ? -1 : Array.IndexOf(order, first.LocalName);
        }

        return Array.IndexOf(order, child.LocalName);
    }
}
