using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Freezes the rows above and the columns left of a cell, writing the sheet view the way
/// Excel does: <c>&lt;pane xSplit ySplit topLeftCell activePane state="frozen"/&gt;</c> followed
/// by one <c>&lt;selection&gt;</c> per pane. Rows and columns frozen together make the
/// bottom-right pane active (with topRight, bottomLeft and bottomRight selections); rows only
/// make it bottomLeft, columns only topRight, as Excel writes them. <c>A1</c> unfreezes.
/// The first sheet view (the one Excel shows) is changed: its scroll position is reset so the
/// frozen rows and columns are the first ones; its other settings stay.
/// </summary>
[Operation("freeze_panes", "Freeze the rows above and columns left of a cell.")]
public sealed record FreezePanes(
    [property: Description("Top-left cell of the scrolling area, e.g. B2 freezes row 1 and column A; A1 unfreezes")] string TopLeftCell,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null)
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
        session.TryResolveSheet(Sheet, "sheet", errors, out _);
        if (!CellAddress.TryParse(TopLeftCell ?? "", out var cell))
        {
            errors.Add(new("top_left_cell", "cell", $"top_left_cell must be one cell like B2 (A1 unfreezes). Given: '{TopLeftCell}'."));
        }
        else if (cell.Row == CellAddress.MaxRow || cell.Column == CellAddress.MaxColumn)
        {
            errors.Add(new("top_left_cell", "cell", $"Freezing must leave at least one row and column scrolling. Given: '{TopLeftCell}'."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        var at = CellAddress.Parse(TopLeftCell);
        var views = WorksheetLayout.GetOrInsert<SheetViews>(sheet.Worksheet);
        var view = views.GetFirstChild<SheetView>() ?? views.AppendChild(new SheetView { WorkbookViewId = 0 });
        view.RemoveAllChildren<Pane>();
        view.RemoveAllChildren<Selection>();
        var target = $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{at.A1}";
        if (at is { Row: 1, Column: 1 })
        {
            Prepend(view, [new Selection { ActiveCell = "A1", SequenceOfReferences = new() { InnerText = "A1" } }]);
            return new Change("freeze_panes", target, $"Unfroze panes on '{sheet.SheetName}'");
        }

        // A scrolled view (topLeftCell="A7") would freeze rows 7.. instead of 1..; Excel freezes what is at the top.
        view.TopLeftCell = null;
        var pane = new Pane { TopLeftCell = at.A1, State = PaneStateValues.Frozen };
        var selections = new List<Selection>();
        if (at.Column > 1)
        {
            pane.HorizontalSplit = at.Column - 1;
        }

        if (at.Row > 1)
        {
            pane.VerticalSplit = at.Row - 1;
        }

        if (at.Column > 1 && at.Row > 1)
        {
            pane.ActivePane = PaneValues.BottomRight;
            selections.Add(Select(PaneValues.TopRight, new CellAddress(1, at.Column)));
            selections.Add(Select(PaneValues.BottomLeft, new CellAddress(at.Row, 1)));
            selections.Add(Select(PaneValues.BottomRight, at));
        }
        else if (at.Row > 1)
        {
            pane.ActivePane = PaneValues.BottomLeft;
            selections.Add(Select(PaneValues.BottomLeft, at));
        }
        else
        {
            pane.ActivePane = PaneValues.TopRight;
            selections.Add(Select(PaneValues.TopRight, at));
        }

        Prepend(view, [pane, .. selections]);
        var rows = at.Row > 1 ? $"{at.Row - 1} row(s)" : null;
        var columns = at.Column > 1 ? $"{at.Column - 1} column(s)" : null;
        return new Change("freeze_panes", target, $"Froze {string.Join(" and ", new[] { rows, columns }.OfType<string>())} on '{sheet.SheetName}' (scrolling from {at.A1})");
    }

    private static Selection Select(PaneValues pane, CellAddress cell) =>
        new() { Pane = pane, ActiveCell = cell.A1, SequenceOfReferences = new() { InnerText = cell.A1 } };

    /// <summary>pane and selection come first in a sheetView, before pivotSelection and extLst.</summary>
    private static void Prepend(SheetView view, DocumentFormat.OpenXml.OpenXmlElement[] elements)
    {
        for (var i = elements.Length - 1; i >= 0; i--)
        {
            view.PrependChild(elements[i]);
        }
    }
}
