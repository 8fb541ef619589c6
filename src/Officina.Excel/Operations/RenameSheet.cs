using System.ComponentModel;
using Officina.Excel.Formulas;
using Officina.Excel.Structure;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Renames a sheet and every reference to it: formulas on all sheets, defined names, chart
/// series, pivot cache sources, conditional formatting and data validation formulas.
/// </summary>
[Operation("rename_sheet", "Rename a sheet; references to it follow.")]
public sealed record RenameSheet(
    [property: Description("Current sheet name")] string From,
    [property: Description("New sheet name (at most 31 characters, none of []:*?/\\)")] string To)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.Renames(WorkbookTrace.Sheet, From, To);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var existing = session.SheetElement(From ?? "");
        if (existing is null)
        {
            errors.Add(new("from", "sheet_exists",
                $"There is no sheet named '{From}'. Sheets: {string.Join(", ", session.Sheets.Select(s => $"'{s.Name}'"))}."));
        }

        if (SheetNames.Problem(To) is { } problem)
        {
            errors.Add(new("to", "sheet_name", problem));
        }
        else if (session.SheetElement(To) is { } taken && !ReferenceEquals(taken, existing))
        {
            errors.Add(new("to", "sheet_unique", $"A sheet named '{taken.Name?.Value}' already exists (names are case-insensitive). Given: '{To}'."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.SheetElement(From)!;
        var old = sheet.Name!.Value!;
        var rewriter = new ReferenceRewriter(session, (formula, _) => FormulaReferences.RenameSheet(formula, old, To));
        rewriter.Apply();
        sheet.Name = To;
        return new Change("rename_sheet", To,
            $"Renamed sheet '{old}' to '{To}'" + (rewriter.FormulasChanged > 0 ? $"; {rewriter.FormulasChanged} reference(s) updated" : ""));
    }
}
