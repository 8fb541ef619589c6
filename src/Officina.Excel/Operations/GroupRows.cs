using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Groups rows into an outline (Excel's Data > Group): each row's <c>outlineLevel</c> goes one
/// deeper, or to <see cref="Level"/> when given, and <c>sheetFormatPr outlineLevelRow</c>
/// follows. <see cref="Collapsed"/> true hides the rows and marks the summary row (below the
/// group, or above when the sheet's <c>outlinePr summaryBelow</c> is off) <c>collapsed</c>;
/// false expands them. <see cref="Ungroup"/> takes the rows one level out; rows that leave
/// every group are shown again. Outlines are at most 7 levels deep, as in Excel.
/// </summary>
[Operation("group_rows", "Group rows into an outline level, collapsed or expanded, or ungroup them.")]
public sealed record GroupRows(
    [property: Description("Rows, e.g. 2:10")] string Rows,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null,
    [property: Description("Outline level 1 to 7; null groups one level deeper than the rows are now")] int? Level = null,
    [property: Description("True to collapse (hide) the group, false to expand it; null leaves it")] bool? Collapsed = null,
    [property: Description("True to take the rows one level out of their group instead")] bool? Ungroup = null)
    : WriteOperation<WorkbookSession>
{
    public const int MaxLevel = 7;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var resolved = session.TryResolveSheet(Sheet, "sheet", errors, out var sheet);
        if (!RowSpans.TryRows(Rows, out var first, out var last) || last == CellAddress.MaxRow)
        {
            errors.Add(new("rows", "rows", $"rows must be a row number or span of rows, e.g. 2:10, leaving the last row for the summary. Given: '{Rows}'."));
            return errors;
        }

        if (last - first + 1 > RowSpans.MaxRows)
        {
            errors.Add(new("rows", "max_rows", $"group_rows groups at most {RowSpans.MaxRows:N0} rows at once. Given: {Rows} ({last - first + 1:N0} rows)."));
        }

        if (Level is { } level && (level < 1 || level > MaxLevel))
        {
            errors.Add(new("level", "level_range", $"level must be between 1 and {MaxLevel}. Given: {level}."));
        }

        if (Ungroup == true && (Level is not null || Collapsed is not null))
        {
            errors.Add(new("ungroup", "one_of", "ungroup takes the rows out of a level; give it without level or collapsed."));
        }
        else if (resolved && Ungroup != true && Level is null)
        {
            var deepest = sheet.Rows.Where(r => r.RowIndex!.Value >= first && r.RowIndex.Value <= last).Select(r => (int)(r.OutlineLevel?.Value ?? 0)).DefaultIfEmpty(0).Max();
            if (deepest >= MaxLevel)
            {
                errors.Add(new("rows", "level_range", $"Rows {Rows} are already {deepest} levels deep; Excel outlines stop at {MaxLevel}."));
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        RowSpans.TryRows(Rows, out var first, out var last);
        var span = RowSpans.Name(first, last);
        var target = $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{first}:{last}";
        var below = sheet.Worksheet.GetFirstChild<SheetProperties>()?.OutlineProperties?.SummaryBelow?.Value ?? true;
        var summary = below ? last + 1 : first - 1;
        if (Ungroup == true)
        {
            foreach (var row in sheet.Rows.Where(r => r.RowIndex!.Value >= first && r.RowIndex.Value <= last && r.OutlineLevel is not null))
            {
                var level = row.OutlineLevel!.Value - 1;
                row.OutlineLevel = level <= 0 ? null : (byte)level;
                row.Hidden = level <= 0 ? null : row.Hidden;
            }

            if (summary >= 1 && sheet.FindRow(summary) is { } summaryRow)
            {
                summaryRow.Collapsed = null;
            }

            RowSpans.RefreshOutlineLevels(sheet);
            RowSpans.DropBare(sheet, first - 1, last + 1);
            return new Change("group_rows", target, $"Ungrouped row(s) {span} on '{sheet.SheetName}' by one level", last - first + 1);
        }

        var deepest = 0;
        RowSpans.Update(sheet, first, last, row =>
        {
            var level = Level ?? ((row.OutlineLevel?.Value ?? 0) + 1);
            row.OutlineLevel = (byte)level;
            deepest = Math.Max(deepest, level);
            if (Collapsed is { } collapsed)
            {
                row.Hidden = collapsed ? true : null;
            }
        });
        if (Collapsed is { } collapse && summary >= 1)
        {
            RowSpans.Update(sheet, summary, summary, row => row.Collapsed = collapse ? true : null);
            RowSpans.DropBare(sheet, summary, summary);
        }

        RowSpans.RefreshOutlineLevels(sheet);
        var summaryText = Collapsed switch { true => ", collapsed", false => ", expanded", _ => "" };
        return new Change("group_rows", target, $"Grouped row(s) {span} on '{sheet.SheetName}' at outline level {deepest}{summaryText}", last - first + 1);
    }
}
