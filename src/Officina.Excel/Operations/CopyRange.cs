using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>What <see cref="CopyRange"/> pastes.</summary>
public enum CopyWhat
{
    /// <summary>Values, formulas (references shifted) and formats; merged areas inside the source are merged at the destination too.</summary>
    All,

    /// <summary>The values the source cells show (formula results), keeping the destination's formatting.</summary>
    Values,

    /// <summary>Formulas (references shifted) and literal values, keeping the destination's formatting.</summary>
    Formulas,

    /// <summary>Formatting only, keeping the destination's contents.</summary>
    Formats,
}

/// <summary>
/// Copies a range to a destination like Excel's copy and paste (or Paste Special values,
/// formulas or formats), on the same sheet or another. Relative references in copied formulas
/// move by the offset between source and destination; absolute ones stay; references pushed
/// off the sheet become <c>#REF!</c>. Blank source cells clear the destination like a paste
/// does. The source is snapshotted first, so overlapping source and destination work.
/// </summary>
[Operation("copy_range", "Copy a range elsewhere, shifting relative references.")]
public sealed record CopyRange(
    [property: Description("Range to copy, e.g. 'Data'!A1:D10")] string Source,
    [property: Description("Top-left cell of the destination, e.g. 'Summary'!F2; without a sheet name, the source's sheet")] string Destination,
    [property: Description("all (default), values, formulas or formats")] CopyWhat? What = null)
    : WriteOperation<WorkbookSession>, IReadsCellValues
{
    public const long MaxCells = 1_000_000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Source);
        trace.AddressesRange(Destination);
    }

    /// <summary>Pasting values reads what the source cells show, formulas written earlier in the plan included.</summary>
    IEnumerable<(string Property, RangeAddress Range)> IReadsCellValues.ValueRanges(WorkbookSession session) =>
        What == CopyWhat.Values && session.TryResolve(Source, "source", [], out var source, out var sheet) && Clip(source, sheet) is { } used
            ? [("source", used)]
            : [];

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (!session.TryResolve(Source, "source", errors, out var source, out var sheet))
        {
            return errors;
        }

        var clipped = Clip(source, sheet);
        if (clipped is not null && clipped.CellCount > MaxCells)
        {
            errors.Add(new("source", "max_cells", $"copy_range copies at most {MaxCells:N0} cells. Given: {source} ({clipped.CellCount:N0} cells in use)."));
        }

        if (!TryDestination(session, source, errors, out var destination, out _))
        {
            return errors;
        }

        var shape = clipped ?? source;
        if (destination.Row + (shape.LastRow - source.FirstRow) > CellAddress.MaxRow
            || destination.Column + (shape.LastColumn - source.FirstColumn) > CellAddress.MaxColumn)
        {
            errors.Add(new("destination", "sheet_bounds", $"The copy of {source} placed at {Destination} runs past the last row or column of the sheet."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (source, from) = session.Resolve(Source);
        TryDestination(session, source, [], out var to, out var target);
        var what = What ?? CopyWhat.All;

        // Whole rows or columns copy only as far as cells are in use.
        var used = Clip(source, from);
        if (used is null)
        {
            return new Change("copy_range", source.ToString(), $"Nothing to copy: {source} is empty", 0);
        }

        var snapshot = CellSnapshot.Take(from, used).ToDictionary(s => s.Address);
        var merges = what == CopyWhat.All
            ? MergedRanges.Of(from.Worksheet).Where(m => used.Contains(m.Range.FirstRow, m.Range.FirstColumn) && used.Contains(m.Range.LastRow, m.Range.LastColumn)).Select(m => m.Range).ToList()
            : [];
        int dRow = to.Row - used.FirstRow, dColumn = to.Column - used.FirstColumn;
        var written = new RangeAddress(target.SheetName, to.Row, to.Column, used.LastRow + dRow, used.LastColumn + dColumn);

        // Destination cells with no source counterpart are cleared like a paste of blanks.
        foreach (var (address, cell) in target.CellsIn(written).ToList())
        {
            session.Cancellation.ThrowIfCancellationRequested();
            if (snapshot.ContainsKey(new CellAddress(address.Row - dRow, address.Column - dColumn)))
            {
                continue;
            }

            if (what != CopyWhat.Formats)
            {
                target.ClearContent(cell);
            }

            if (what is CopyWhat.All or CopyWhat.Formats)
            {
                cell.StyleIndex = null;
            }
        }

        var formulas = 0;
        foreach (var cell in snapshot.Values)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            var at = new CellAddress(cell.Address.Row + dRow, cell.Address.Column + dColumn);
            switch (what)
            {
                case CopyWhat.All: cell.PlaceAll(target, at); break;
                case CopyWhat.Values: cell.PlaceValue(target, at); break;
                case CopyWhat.Formulas: cell.PlaceFormula(target, at); break;
                default: cell.PlaceStyle(target, at); break;
            }

            formulas += cell.Formula is not null && what is CopyWhat.All or CopyWhat.Formulas ? 1 : 0;
        }

        if (merges.Count > 0)
        {
            var existing = MergedRanges.Of(target.Worksheet).Where(m => m.Range.Intersects(written)).Select(m => m.Element);
            MergedRanges.Remove(target.Worksheet, existing);
            foreach (var merge in merges)
            {
                MergedRanges.Add(target.Worksheet, new RangeAddress(null, merge.FirstRow + dRow, merge.FirstColumn + dColumn, merge.LastRow + dRow, merge.LastColumn + dColumn));
            }
        }

        if (formulas > 0)
        {
            session.MarkFormulasDirty();
        }

        var label = what.ToString().ToLowerInvariant();
        return new Change("copy_range", written.ToString(), $"Copied {label} of {used} to {written} ({snapshot.Count} cell(s), {formulas} formula(s))", snapshot.Count);
    }

    private bool TryDestination(WorkbookSession session, RangeAddress source, List<OperationError> errors, out CellAddress destination, out SheetCells sheet)
    {
        destination = default;
        sheet = null!;
        var text = Destination;
        if (RangeAddress.TryParse(text, out var parsed, out _) && parsed.Sheet is null)
        {
            text = $"{RangeAddress.QuoteSheet(source.Sheet!)}!{parsed.Reference}";
        }

        if (!session.TryResolve(text, "destination", errors, out var range, out sheet))
        {
            return false;
        }

        destination = range.TopLeft;
        return true;
    }

    /// <summary>The part of <paramref name="range"/> inside the sheet's used area (cells with values or styles), or null when none is.</summary>
    internal static RangeAddress? Clip(RangeAddress range, SheetCells sheet)
    {
        if (range.RowCount < CellAddress.MaxRow && range.ColumnCount < CellAddress.MaxColumn)
        {
            return range;
        }

        int lastRow = 0, lastColumn = 0;
        foreach (var (address, _) in sheet.CellsIn(range))
        {
            lastRow = Math.Max(lastRow, address.Row);
            lastColumn = Math.Max(lastColumn, address.Column);
        }

        if (lastRow < range.FirstRow || lastColumn < range.FirstColumn)
        {
            return null;
        }

        return range with { LastRow = Math.Min(range.LastRow, lastRow), LastColumn = Math.Min(range.LastColumn, lastColumn) };
    }
}
