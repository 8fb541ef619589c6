using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Inserts a table of text: columns share the page's text width, the first row is a header
/// (bold, repeated on every page) unless <see cref="HeaderRow"/> is false, and the table style is
/// Table Grid unless another is named.
/// </summary>
[Operation("insert_table", "Insert a table of text rows (first row a header) at an anchor.")]
public sealed record InsertTable(
    [property: Description("Paragraph id from inspection, or 'start' / 'end' of the document")] string Anchor,
    [property: Description("Rows of cell texts; the first row is the header unless header_row is false")] string[][] Rows,
    [property: Description("True (default) to format the first row as a repeating bold header")] bool? HeaderRow = null,
    [property: Description("Table style name or id; null for 'Table Grid'")] string? Style = null,
    [property: Description("'after' (default) or 'before' the anchor paragraph")] InsertPosition? Position = null)
    : WriteOperation<WordSession>
{
    public const int MaxColumns = 63;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.InsertsParagraphs(Anchor);
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryValidate(Anchor, "anchor", errors);
        if (Rows is null || Rows.Length == 0 || Rows.All(r => r is null || r.Length == 0))
        {
            errors.Add(new("rows", "rows_required", "rows must hold at least one row with at least one cell."));
            return errors;
        }

        var width = Rows.Max(r => r?.Length ?? 0);
        if (width > MaxColumns)
        {
            errors.Add(new("rows", "table_columns", $"A Word table has at most {MaxColumns} columns. Given: {width}."));
        }

        if (Style is not null && session.Styles.Find(Style) is null && !string.Equals(Style.Replace(" ", "", StringComparison.Ordinal), "TableGrid", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("style", "style_exists", $"There is no table style named '{Style}'. Use null for 'Table Grid'."));
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var columns = Rows.Max(r => r?.Length ?? 0);
        var cellWidth = TextWidth(session) / columns;
        var styleId = session.Styles.Ensure(Style ?? "TableGrid") ?? "TableGrid";
        var table = new Table(new TableProperties(
            new TableStyle { Val = styleId },
            new TableWidth { Width = "0", Type = TableWidthUnitValues.Auto },
            new TableLook { Val = "04A0", FirstRow = HeaderRow != false, LastRow = false, FirstColumn = true, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }));
        var grid = new TableGrid();
        for (var c = 0; c < columns; c++)
        {
            grid.AppendChild(new GridColumn { Width = cellWidth.ToString(CultureInfo.InvariantCulture) });
        }

        table.AppendChild(grid);
        for (var r = 0; r < Rows.Length; r++)
        {
            var header = r == 0 && HeaderRow != false;
            var row = new TableRow();
            if (header)
            {
                row.AppendChild(new TableRowProperties(new TableHeader()));
            }

            for (var c = 0; c < columns; c++)
            {
                var text = c < (Rows[r]?.Length ?? 0) ? Rows[r][c] ?? "" : "";
                var paragraph = ParagraphFactory.Create(text, null, header ? new RunProperties(new Bold()) : null);
                row.AppendChild(new TableCell(new TableCellProperties(new TableCellWidth { Width = cellWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), paragraph));
            }

            table.AppendChild(row);
        }

        session.Insert(Anchor, Position, [table]);
        if (table.Parent is TableCell cell && cell.LastChild is Table)
        {
            cell.AppendChild(new Paragraph());
        }

        ParagraphFactory.Track(session, table);
        session.Ids.AssignMissing();
        var first = table.Descendants<Paragraph>().First().ParagraphId?.Value ?? "";
        return new Change("insert_table", first, $"Inserted a table of {Rows.Length} row(s) x {columns} column(s) {Anchors.Describe(Anchor, Position)}", Rows.Length * columns);
    }

    /// <summary>The text width of the last section in twentieths of a point (9360 when the document does not say).</summary>
    internal static int TextWidth(WordSession session)
    {
        var section = session.Body.Elements<SectionProperties>().LastOrDefault();
        var size = section?.GetFirstChild<PageSize>();
        var margin = section?.GetFirstChild<PageMargin>();
        if (size?.Width?.Value is not { } width || margin is null)
        {
            return 9360;
        }

        var text = (int)width - (int)(margin.Left?.Value ?? 1440) - (int)(margin.Right?.Value ?? 1440);
        return text > 720 ? text : 9360;
    }
}
