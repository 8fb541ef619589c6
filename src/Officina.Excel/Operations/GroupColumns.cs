using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Groups columns into an outline, like <see cref="GroupRows"/> for rows: <c>outlineLevel</c>
/// on the <c>&lt;col&gt;</c> spans (split where needed, widths kept, Excel's default width
/// where a span had none), <c>sheetFormatPr outlineLevelCol</c>, and when collapsing, hidden
/// columns and <c>collapsed</c> on the summary column (right of the group, or left when the
/// sheet's <c>outlinePr summaryRight</c> is off). Ungrouping shows columns that leave every group.
/// </summary>
[Operation("group_columns", "Group columns into an outline level, collapsed or expanded, or ungroup them.")]
public sealed record GroupColumns(
    [property: Description("Columns, e.g. B:D")] string Columns,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null,
    [property: Description("Outline level 1 to 7; null groups one level deeper than the columns are now")] int? Level = null,
    [property: Description("True to collapse (hide) the group, false to expand it; null leaves it")] bool? Collapsed = null,
    [property: Description("True to take the columns one level out of their group instead")] bool? Ungroup = null)
    : WriteOperation<WorkbookSession>
{
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
        if (!RowSpans.TryColumns(Columns, out var first, out var last) || last == CellAddress.MaxColumn)
        {
            errors.Add(new("columns", "columns", $"columns must be a column or span of columns, e.g. B:D, leaving the last column for the summary. Given: '{Columns}'."));
            return errors;
        }

        if (Level is { } level && (level < 1 || level > GroupRows.MaxLevel))
        {
            errors.Add(new("level", "level_range", $"level must be between 1 and {GroupRows.MaxLevel}. Given: {level}."));
        }

        if (Ungroup == true && (Level is not null || Collapsed is not null))
        {
            errors.Add(new("ungroup", "one_of", "ungroup takes the columns out of a level; give it without level or collapsed."));
        }
        else if (resolved && Ungroup != true && Level is null)
        {
            var deepest = sheet.Worksheet.GetFirstChild<Columns>()?.Elements<Column>()
                .Where(c => c.Max?.Value >= first && c.Min?.Value <= last).Select(c => (int)(c.OutlineLevel?.Value ?? 0)).DefaultIfEmpty(0).Max() ?? 0;
            if (deepest >= GroupRows.MaxLevel)
            {
                errors.Add(new("columns", "level_range", $"Columns {Columns} are already {deepest} levels deep; Excel outlines stop at {GroupRows.MaxLevel}."));
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        RowSpans.TryColumns(Columns, out var first, out var last);
        var span = RowSpans.ColumnName(first, last);
        var target = $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{span}";
        var right = sheet.Worksheet.GetFirstChild<SheetProperties>()?.OutlineProperties?.SummaryRight?.Value ?? true;
        var summary = right ? last + 1 : first - 1;
        if (Ungroup == true)
        {
            if (sheet.Worksheet.GetFirstChild<Columns>() is not null)
            {
                ColumnSpans.Update(sheet.Worksheet, first, last, col =>
                {
                    var level = (col.OutlineLevel?.Value ?? 0) - 1;
                    col.OutlineLevel = level <= 0 ? null : (byte)level;
                    col.Hidden = level <= 0 ? null : col.Hidden;
                }, addMissing: false);
                if (summary >= 1)
                {
                    ColumnSpans.Update(sheet.Worksheet, summary, summary, col => col.Collapsed = null, addMissing: false);
                }
            }

            RowSpans.RefreshOutlineLevels(sheet);
            return new Change("group_columns", target, $"Ungrouped column(s) {span} on '{sheet.SheetName}' by one level", last - first + 1);
        }

        var deepest = 0;
        ColumnSpans.Update(sheet.Worksheet, first, last, col =>
        {
            var level = Level ?? ((col.OutlineLevel?.Value ?? 0) + 1);
            col.OutlineLevel = (byte)level;
            col.Width ??= RowSpans.DefaultColumnWidth;
            deepest = Math.Max(deepest, level);
            if (Collapsed is { } collapsed)
            {
                col.Hidden = collapsed ? true : null;
            }
        });
        if (Collapsed is { } collapse && summary >= 1)
        {
            ColumnSpans.Update(sheet.Worksheet, summary, summary, col =>
            {
                col.Collapsed = collapse ? true : null;
                col.Width ??= RowSpans.DefaultColumnWidth;
            });
        }

        RowSpans.RefreshOutlineLevels(sheet);
        var state = Collapsed switch { true => ", collapsed", false => ", expanded", _ => "" };
        return new Change("group_columns", target, $"Grouped column(s) {span} on '{sheet.SheetName}' at outline level {deepest}{state}", last - first + 1);
    }
}
