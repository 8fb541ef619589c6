using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Layout;

namespace Officina.Excel.Names;

/// <summary>
/// Excel's sheet-local built-in names (<c>_xlnm.Print_Area</c>, <c>_xlnm.Print_Titles</c>,
/// <c>_xlnm._FilterDatabase</c>): one per sheet, identified by the sheet's position in
/// <c>&lt;sheets&gt;</c> (<c>localSheetId</c>), kept in the sorted order Excel writes.
/// </summary>
public static class BuiltInNames
{
    public const string PrintArea = "_xlnm.Print_Area";
    public const string PrintTitles = "_xlnm.Print_Titles";
    public const string FilterDatabase = "_xlnm._FilterDatabase";

    public static DefinedName? Find(WorkbookSession session, string name, uint position)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Workbook.DefinedNames?.Elements<DefinedName>().FirstOrDefault(d =>
            string.Equals(d.Name?.Value, name, StringComparison.OrdinalIgnoreCase) && d.LocalSheetId?.Value == position);
    }

    /// <summary>Replaces the name, or removes it when <paramref name="text"/> is null (dropping an emptied <c>&lt;definedNames&gt;</c>).</summary>
    public static void Set(WorkbookSession session, string name, uint position, string? text, bool hidden = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        Find(session, name, position)?.Remove();
        if (text is null)
        {
            if (session.Workbook.DefinedNames is { HasChildren: false } empty)
            {
                empty.Remove();
            }

            return;
        }

        var names = session.Workbook.DefinedNames ?? WorksheetLayout.Insert(session.Workbook, new DefinedNames());
        var added = new DefinedName(text) { Name = name, LocalSheetId = position, Hidden = hidden ? true : null };
        var after = names.Elements<DefinedName>().FirstOrDefault(d => string.Compare(d.Name?.Value, name, StringComparison.OrdinalIgnoreCase) > 0);
        if (after is null)
        {
            names.AppendChild(added);
        }
        else
        {
            names.InsertBefore(added, after);
        }
    }

    /// <summary>The position (<c>localSheetId</c>) of a sheet by name.</summary>
    public static uint PositionOf(WorkbookSession session, string sheet)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (uint)session.Sheets.First(s => string.Equals(s.Name, sheet, StringComparison.OrdinalIgnoreCase)).Position;
    }
}
