using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Formulas;
using Officina.Excel.Structure;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Deletes a sheet and its part. References to it elsewhere become <c>#REF!</c>, names
/// scoped to it go, and names scoped to later sheets and the workbook's active and first
/// tab follow the tabs that move left. The last visible sheet cannot be deleted.
/// </summary>
[Operation("delete_sheet", "Delete a sheet; references to it become #REF!.")]
public sealed record DeleteSheet(
    [property: Description("Name of the sheet to delete")] string Name)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.Removes(WorkbookTrace.Sheet, Name);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.Sheets.FirstOrDefault(s => string.Equals(s.Name, Name, StringComparison.OrdinalIgnoreCase));
        if (sheet is null)
        {
            yield return new("name", "sheet_exists",
                $"There is no sheet named '{Name}'. Sheets: {string.Join(", ", session.Sheets.Select(s => $"'{s.Name}'"))}.");
        }
        else if (sheet.State == "visible" && session.Sheets.Count(s => s.State == "visible") == 1)
        {
            yield return new("name", "last_visible_sheet", $"'{sheet.Name}' is the only visible sheet; a workbook must keep at least one. Add or unhide another sheet first.");
        }
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var entry = session.Sheets.First(s => string.Equals(s.Name, Name, StringComparison.OrdinalIgnoreCase));
        var element = session.SheetElement(entry.Name)!;
        var position = session.Workbook.Sheets!.Elements<Sheet>().ToList().IndexOf(element);
        var order = session.Sheets.Select(s => s.Name).ToList();

        var names = session.Workbook.DefinedNames;
        foreach (var scoped in names?.Elements<DefinedName>().Where(n => n.LocalSheetId?.Value == position).ToList() ?? [])
        {
            scoped.Remove();
        }

        if (names is not null && !names.HasChildren)
        {
            names.Remove();
        }

        session.ShiftLocalSheetIds(position + 1, -1);
        element.Remove();
        session.WorkbookPart.DeletePart(entry.Part);
        FixBookViews(session, position);
        if (session.WorkbookPart.CalculationChainPart is { } chain)
        {
            session.WorkbookPart.DeletePart(chain);
        }

        var rewriter = new ReferenceRewriter(session, (formula, _) => FormulaReferences.DeleteSheet(formula, entry.Name, order));
        rewriter.Apply();
        if (rewriter.FormulasChanged > 0)
        {
            session.MarkFormulasDirty();
        }

        return new Change("delete_sheet", entry.Name,
            $"Deleted sheet '{entry.Name}'" + (rewriter.FormulasChanged > 0 ? $"; {rewriter.FormulasChanged} reference(s) to it became #REF!" : ""));
    }

    /// <summary>The active and first visible tab are positions; the tabs after the deleted one move left.</summary>
    private static void FixBookViews(WorkbookSession session, int position)
    {
        var sheets = session.Workbook.Sheets!.Elements<Sheet>().ToList();
        foreach (var view in session.Workbook.BookViews?.Elements<WorkbookView>() ?? [])
        {
            var active = (int)(view.ActiveTab?.Value ?? 0);
            if (active > position)
            {
                view.ActiveTab = (uint)(active - 1);
            }
            else if (active == position)
            {
                var moved = NearestVisible(sheets, Math.Min(position, sheets.Count - 1));
                view.ActiveTab = moved == 0 && view.ActiveTab is null ? null : (uint)moved;
                MarkSelected(session, sheets[moved]);
            }

            if (view.FirstSheet?.Value is { } first && first > 0 && first >= position)
            {
                view.FirstSheet = (uint)Math.Min(first > position ? first - 1 : first, sheets.Count - 1);
            }
        }
    }

    private static int NearestVisible(List<Sheet> sheets, int from)
    {
        for (var distance = 0; distance < sheets.Count; distance++)
        {
            foreach (var candidate in new[] { from + distance, from - distance })
            {
                if (candidate >= 0 && candidate < sheets.Count && (sheets[candidate].State?.Value ?? SheetStateValues.Visible) == SheetStateValues.Visible)
                {
                    return candidate;
                }
            }
        }

        return 0;
    }

    /// <summary>The active sheet's view carries tabSelected, or Excel shows no tab as selected.</summary>
    private static void MarkSelected(WorkbookSession session, Sheet sheet)
    {
        if (sheet.Id?.Value is { } id && session.WorkbookPart.TryGetPartById(id, out var part) && part is DocumentFormat.OpenXml.Packaging.WorksheetPart worksheet
            && worksheet.Worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>() is { } view)
        {
            view.TabSelected = true;
        }
    }
}
