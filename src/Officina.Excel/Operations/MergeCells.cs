using System.ComponentModel;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Merges a range into one cell, or with <see cref="Unmerge"/> undoes every merged area that
/// touches the range. Like Excel, a merged area keeps only its top-left value: values in the
/// other cells are cleared (their formatting stays), and the change summary names them.
/// Merging over part of an existing merged area is refused; unmerge it first.
/// </summary>
[Operation("merge_cells", "Merge or unmerge a range.")]
public sealed record MergeCells(
    [property: Description("Range to merge, e.g. 'Report'!A1:D1; with unmerge, merged areas touching it are split")] string Range,
    [property: Description("True to unmerge instead of merging (default false)")] bool? Unmerge = null)
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
        if (!session.TryResolve(Range, "range", errors, out var range, out var sheet) || Unmerge == true)
        {
            return errors;
        }

        if (range.IsSingleCell)
        {
            errors.Add(new("range", "merge_size", $"A merged area spans at least two cells. Given: {range}."));
        }

        if (range.RowCount == Addressing.CellAddress.MaxRow || range.ColumnCount == Addressing.CellAddress.MaxColumn)
        {
            errors.Add(new("range", "merge_size", $"Whole rows or columns cannot be merged. Given: {range}."));
        }

        foreach (var (existing, _) in MergedRanges.Of(sheet.Worksheet).Where(m => m.Range.Intersects(range)))
        {
            errors.Add(new("range", "merge_overlap", $"{range} overlaps the merged area {existing.Reference}; unmerge it first or pick another range."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        if (Unmerge == true)
        {
            var touching = MergedRanges.Of(sheet.Worksheet).Where(m => m.Range.Intersects(range)).ToList();
            MergedRanges.Remove(sheet.Worksheet, touching.Select(m => m.Element));
            return new Change("merge_cells", range.ToString(), touching.Count == 0
                ? $"No merged cells touch {range}; nothing to unmerge"
                : $"Unmerged {string.Join(", ", touching.Select(m => m.Range.Reference))} on '{sheet.SheetName}'", touching.Count);
        }

        var cleared = new List<string>();
        foreach (var (address, cell) in sheet.CellsIn(range).ToList())
        {
            session.Cancellation.ThrowIfCancellationRequested();
            if (address == range.TopLeft || (cell.CellValue is null && cell.CellFormula is null && cell.InlineString is null))
            {
                continue;
            }

            cleared.Add(address.A1);
            sheet.ClearContent(cell);
        }

        MergedRanges.Add(sheet.Worksheet, range);
        var warning = cleared.Count == 0 ? "" : $"; cleared the values of {string.Join(", ", cleared.Take(20))}{(cleared.Count > 20 ? ", …" : "")} (a merged area keeps only its top-left value)";
        return new Change("merge_cells", range.ToString(), $"Merged {range}{warning}", 1);
    }
}
