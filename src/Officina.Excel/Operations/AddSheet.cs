using System.ComponentModel;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Adds an empty worksheet, at the end or at a 1-based tab position.</summary>
[Operation("add_sheet", "Add an empty worksheet.")]
public sealed record AddSheet(
    [property: Description("Name of the new sheet (at most 31 characters, none of []:*?/\\)")] string Name,
    [property: Description("1-based tab position; null appends after the last sheet")] int? Position = null)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.Creates(WorkbookTrace.Sheet, Name);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (SheetNames.Problem(Name) is { } problem)
        {
            yield return new("name", "sheet_name", problem);
        }
        else if (session.SheetElement(Name) is not null)
        {
            yield return new("name", "sheet_unique", $"A sheet named '{Name}' already exists (names are case-insensitive).");
        }

        if (Position is { } p && (p < 1 || p > session.Sheets.Count + 1))
        {
            yield return new("position", "position_range", $"The position must be between 1 and {session.Sheets.Count + 1}. Given: {p}.");
        }
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.AddWorksheet(Name, Position - 1);
        return new Change("add_sheet", Name, $"Added sheet '{Name}'" + (Position is { } p ? $" at position {p}" : ""));
    }
}
