using System.ComponentModel;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>What <see cref="ClearRange"/> removes.</summary>
public enum ClearWhat
{
    /// <summary>Values and formulas; cells keep their formatting.</summary>
    Contents,

    /// <summary>Formatting only (the cell format goes back to the workbook default); values stay.</summary>
    Formats,

    /// <summary>Everything: the cells are removed, and merged areas lying inside the range are unmerged.</summary>
    All,
}

/// <summary>
/// Clears a range like Excel's Clear Contents / Clear Formats / Clear All. Contents keeps
/// each cell's style; formats resets the style index to the default; all removes the cells.
/// A cleared shared-formula master hands its formula to the rest of its group first, so cells
/// outside the range keep their formulas.
/// </summary>
[Operation("clear_range", "Clear contents, formats or both in a range.")]
public sealed record ClearRange(
    [property: Description("Range to clear, e.g. 'Data'!A2:F100")] string Range,
    [property: Description("contents (default: values and formulas, keeps formatting), formats, or all")] ClearWhat? What = null)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolve(Range, "range", errors, out _, out _);
        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var what = What ?? ClearWhat.Contents;
        var count = 0;
        foreach (var (_, cell) in sheet.CellsIn(range).ToList())
        {
            session.Cancellation.ThrowIfCancellationRequested();
            count++;
            if (what is ClearWhat.Contents or ClearWhat.All)
            {
                sheet.ClearContent(cell);
            }

            if (what == ClearWhat.Formats)
            {
                cell.StyleIndex = null;
            }
            else if (what == ClearWhat.All)
            {
                cell.Remove();
            }
        }

        var unmerged = 0;
        if (what == ClearWhat.All)
        {
            var inside = MergedRanges.Of(sheet.Worksheet).Where(m => range.Contains(m.Range.FirstRow, m.Range.FirstColumn)
                && range.Contains(m.Range.LastRow, m.Range.LastColumn)).Select(m => m.Element).ToList();
            unmerged = inside.Count;
            MergedRanges.Remove(sheet.Worksheet, inside);
        }

        var label = what.ToString().ToLowerInvariant();
        return new Change("clear_range", range.ToString(),
            $"Cleared {label} of {count} cell(s) in {range}" + (unmerged > 0 ? $"; unmerged {unmerged} merged area(s)" : ""), count);
    }
}
