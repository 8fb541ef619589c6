using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Operations;

/// <summary>Which edges of a block of table cells a border goes on, as PowerPoint's Borders menu names them.</summary>
public enum TableBorder
{
    All,
    Outside,
    Inside,
    Top,
    Bottom,
    Left,
    Right,
    InsideHorizontal,
    InsideVertical,
}

/// <summary>
/// Formats a table: the table style options (header row, banded rows, first column, …, as
/// PowerPoint's Table Design tab sets them), column widths and row heights, and for a block of
/// cells (the whole table by default) the fill and the borders — colour, width and which edges.
/// A border on the block's outside edge is also set on the neighbouring cell's matching edge,
/// so the shared line looks the same whichever cell a program draws it from. What is left null
/// is not changed.
/// </summary>
[Operation("format_table", "Format a table: cell fill and borders, column widths, row heights, header row and banding.")]
public sealed record FormatTable(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The table's id or name from read_slide")] string Shape,
    [property: Description("Cells that fill and borders apply to, A1-style, e.g. 'A1:C1' (columns as letters, rows as numbers); null for the whole table")] string? Cells = null,
    [property: Description("Cell fill: #RRGGBB or a theme colour (accent1…accent6, text1, text2, background1, background2), or 'none'")] string? FillColor = null,
    [property: Description("Border colour as fill_color, or 'none' to remove those borders")] string? BorderColor = null,
    [property: Description("Border width in points (0.25 to 20)")] double? BorderWidth = null,
    [property: Description("Which edges get the border; null for all")] TableBorder[]? Borders = null,
    [property: Description("Width of each column in points, left to right, one per column; null keeps a column's")] double?[]? ColumnWidths = null,
    [property: Description("Height of each row in points, top to bottom, one per row; null keeps a row's (text taller than a row still grows it)")] double?[]? RowHeights = null,
    [property: Description("Style the first row as a header")] bool? HeaderRow = null,
    [property: Description("Shade alternate rows")] bool? BandedRows = null,
    [property: Description("Style the first column")] bool? FirstColumn = null,
    [property: Description("Style the last row as a total row")] bool? LastRow = null,
    [property: Description("Style the last column")] bool? LastColumn = null,
    [property: Description("Shade alternate columns")] bool? BandedColumns = null)
    : WriteOperation<DeckSession>
{
    public const double MaxBorderWidth = 20;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var styles = HeaderRow ?? BandedRows ?? FirstColumn ?? LastRow ?? LastColumn ?? BandedColumns;
        if (FillColor is null && !HasBorder && ColumnWidths is null && RowHeights is null && styles is null)
        {
            errors.Add(new("$", "format_required", "Set at least one of fill_color, border_color, border_width, column_widths, row_heights, header_row, banded_rows, first_column, last_row, last_column, banded_columns."));
        }

        if (Cells is not null && FillColor is null && !HasBorder)
        {
            errors.Add(new("cells", "cells_format", "cells chooses where fill_color and borders go; give fill_color, border_color or border_width with it."));
        }

        DrawingColor.Check(FillColor, "fill_color", true, errors);
        DrawingColor.Check(BorderColor, "border_color", true, errors);
        if (BorderWidth is { } width && (double.IsNaN(width) || width is < 0.25 or > MaxBorderWidth))
        {
            errors.Add(new("border_width", "border_width", $"border_width must be between 0.25 and {MaxBorderWidth} points. Given: {width.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (Borders is not null)
        {
            if (Borders.Length == 0)
            {
                errors.Add(new("borders", "borders", "borders must name at least one edge (all, outside, inside, top, bottom, left, right, inside_horizontal, inside_vertical), or be null for all."));
            }
            else if (!HasBorder)
            {
                errors.Add(new("borders", "border_required", "borders chooses edges for border_color and border_width; give at least one of them."));
            }

            for (var i = 0; i < Borders.Length; i++)
            {
                if (!Enum.IsDefined(Borders[i]))
                {
                    errors.Add(new($"borders[{i}]", "borders", $"borders[{i}] must be all, outside, inside, top, bottom, left, right, inside_horizontal or inside_vertical. Given: {(int)Borders[i]}."));
                }
            }
        }

        if (!TableCells.TryResolve(session, Slide, Shape, errors, out _, out var table))
        {
            return errors;
        }

        if (Cells is not null)
        {
            TableCells.TryRange(table, Cells, "cells", errors, out _);
        }

        CheckSizes(errors, "column_widths", ColumnWidths, TableCells.ColumnCount(table), "column");
        CheckSizes(errors, "row_heights", RowHeights, TableCells.RowCount(table), "row");
        return errors;
    }

    private static void CheckSizes(List<OperationError> errors, string path, double?[]? sizes, int count, string what)
    {
        if (sizes is null)
        {
            return;
        }

        if (sizes.Length != count)
        {
            errors.Add(new(path, "size_count", $"{path} needs one value per {what}: the table has {count} {what}(s). Given: {sizes.Length} value(s) (null keeps a {what}'s size)."));
        }

        for (var i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] is { } v && (double.IsNaN(v) || v < 1 || v > Placement.MaxPoints))
            {
                errors.Add(new($"{path}[{i}]", "size", $"{path}[{i}] must be between 1 and {Placement.MaxPoints} points. Given: {v.ToString(CultureInfo.InvariantCulture)}."));
            }
        }
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (_, shape) = session.ResolveShape(Slide, Shape);
        var frame = (DocumentFormat.OpenXml.Presentation.GraphicFrame)shape;
        var table = TableCells.Of(shape)!;
        var range = Cells is null ? TableCells.Whole(table) : CellRange.Parse(Cells)!.Value;
        var properties = table.TableProperties ??= new A.TableProperties();
        if (HeaderRow is { } header)
        {
            properties.FirstRow = header ? true : null;
        }

        if (BandedRows is { } bandRows)
        {
            properties.BandRow = bandRows ? true : null;
        }

        if (FirstColumn is { } firstColumn)
        {
            properties.FirstColumn = firstColumn ? true : null;
        }

        if (LastRow is { } lastRow)
        {
            properties.LastRow = lastRow ? true : null;
        }

        if (LastColumn is { } lastColumn)
        {
            properties.LastColumn = lastColumn ? true : null;
        }

        if (BandedColumns is { } bandColumns)
        {
            properties.BandColumn = bandColumns ? true : null;
        }

        if (ColumnWidths is not null)
        {
            var columns = table.TableGrid!.Elements<A.GridColumn>().ToList();
            for (var i = 0; i < columns.Count; i++)
            {
                if (ColumnWidths[i] is { } w)
                {
                    columns[i].Width = Placement.Emu(w);
                }
            }

            if (frame.Transform?.Extents is { } extents)
            {
                extents.Cx = columns.Sum(c => c.Width?.Value ?? 0);
            }
        }

        if (RowHeights is not null)
        {
            var rows = table.Elements<A.TableRow>().ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                if (RowHeights[i] is { } h)
                {
                    rows[i].Height = Placement.Emu(h);
                }
            }

            if (frame.Transform?.Extents is { } extents)
            {
                extents.Cy = rows.Sum(r => r.Height?.Value ?? 0);
            }
        }

        for (var r = range.Row; r <= range.LastRow; r++)
        {
            for (var c = range.Column; c <= range.LastColumn; c++)
            {
                var cell = TableCells.Properties(TableCells.Cell(table, r, c));
                if (FillColor is not null)
                {
                    SchemaOrder.Set(cell, SchemaOrder.TableCellProperties,
                        DrawingColor.IsNone(FillColor) ? new A.NoFill() : (OpenXmlElement)DrawingColor.Parse(FillColor)!.Fill());
                }
            }
        }

        if (HasBorder)
        {
            SetBorders(table, range);
        }

        var name = SlideShapes.Name(shape);
        return new Change("format_table", $"slide {Slide}, shape '{name}'", $"Formatted table '{name}' on slide {Slide}: {Describe(range, table)}", range.Rows * range.Columns);
    }

    private bool HasBorder => BorderColor is not null || BorderWidth is not null;

    private void SetBorders(A.Table table, CellRange range)
    {
        var edges = (Borders is null || Borders.Length == 0 ? [TableBorder.All] : Borders).ToHashSet();
        bool Wants(TableBorder edge, bool inside) =>
            edges.Contains(TableBorder.All) || edges.Contains(edge) || (inside ? edges.Contains(TableBorder.Inside) : edges.Contains(TableBorder.Outside));
        var (rows, columns) = (TableCells.RowCount(table), TableCells.ColumnCount(table));
        for (var r = range.Row; r <= range.LastRow; r++)
        {
            for (var c = range.Column; c <= range.LastColumn; c++)
            {
                var top = r == range.Row ? Wants(TableBorder.Top, false) : Wants(TableBorder.InsideHorizontal, true);
                var bottom = r == range.LastRow ? Wants(TableBorder.Bottom, false) : Wants(TableBorder.InsideHorizontal, true);
                var left = c == range.Column ? Wants(TableBorder.Left, false) : Wants(TableBorder.InsideVertical, true);
                var right = c == range.LastColumn ? Wants(TableBorder.Right, false) : Wants(TableBorder.InsideVertical, true);
                if (top)
                {
                    Edge(table, r, c, "lnT");
                    if (r == range.Row && r > 0)
                    {
                        Edge(table, r - 1, c, "lnB");
                    }
                }

                if (bottom)
                {
                    Edge(table, r, c, "lnB");
                    if (r == range.LastRow && r < rows - 1)
                    {
                        Edge(table, r + 1, c, "lnT");
                    }
                }

                if (left)
                {
                    Edge(table, r, c, "lnL");
                    if (c == range.Column && c > 0)
                    {
                        Edge(table, r, c - 1, "lnR");
                    }
                }

                if (right)
                {
                    Edge(table, r, c, "lnR");
                    if (c == range.LastColumn && c < columns - 1)
                    {
                        Edge(table, r, c + 1, "lnL");
                    }
                }
            }
        }
    }

    /// <summary>Sets one edge of a cell: keeps what the edge had and changes the colour and width given.</summary>
    private void Edge(A.Table table, int row, int column, string side)
    {
        var properties = TableCells.Properties(TableCells.Cell(table, row, column));
        var line = SchemaOrder.Get(properties, SchemaOrder.TableCellProperties, side) as A.LinePropertiesType
            ?? SchemaOrder.Set<A.LinePropertiesType>(properties, SchemaOrder.TableCellProperties, side switch
            {
                "lnL" => new A.LeftBorderLineProperties(),
                "lnR" => new A.RightBorderLineProperties(),
                "lnT" => new A.TopBorderLineProperties(),
                _ => new A.BottomBorderLineProperties(),
            });
        if (BorderWidth is { } width)
        {
            line.Width = (int)Placement.Emu(width);
        }
        else
        {
            line.Width ??= (int)Placement.EmuPerPoint;
        }

        if (BorderColor is not null)
        {
            SchemaOrder.Set(line, SchemaOrder.LineProperties,
                DrawingColor.IsNone(BorderColor) ? new A.NoFill() : (OpenXmlElement)DrawingColor.Parse(BorderColor)!.Fill());
        }
        else if (SchemaOrder.Get(line, SchemaOrder.LineProperties, "solidFill") is null)
        {
            SchemaOrder.Set(line, SchemaOrder.LineProperties, DrawingColor.Parse("text1")!.Fill());
        }
    }

    /// <summary>"fill accent1 on A1:C1, borders #000000 1 pt (outside) on A1:C1, header row on, 3 column widths".</summary>
    private string Describe(CellRange range, A.Table table)
    {
        var parts = new List<string>();
        var on = Cells is null ? "" : $" on {range}";
        if (FillColor is not null)
        {
            parts.Add((DrawingColor.IsNone(FillColor) ? "no fill" : $"fill {DrawingColor.Parse(FillColor)}") + on);
        }

        if (HasBorder)
        {
            var what = BorderColor is not null && DrawingColor.IsNone(BorderColor) ? "no borders"
                : "borders" + (BorderColor is null ? "" : $" {DrawingColor.Parse(BorderColor)}") + (BorderWidth is { } w ? $" {w.ToString("0.##", CultureInfo.InvariantCulture)} pt" : "");
            var edges = Borders is null or { Length: 0 } ? "" : $" ({string.Join(", ", Borders.Select(b => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(b.ToString()).Replace('_', ' ')))})";
            parts.Add(what + edges + on);
        }

        void Flag(bool? value, string label)
        {
            if (value is { } v)
            {
                parts.Add($"{label} {(v ? "on" : "off")}");
            }
        }

        Flag(HeaderRow, "header row");
        Flag(BandedRows, "banded rows");
        Flag(FirstColumn, "first column");
        Flag(LastRow, "total row");
        Flag(LastColumn, "last column");
        Flag(BandedColumns, "banded columns");
        if (ColumnWidths is not null)
        {
            parts.Add($"{ColumnWidths.Count(w => w is not null)} column width(s)");
        }

        if (RowHeights is not null)
        {
            parts.Add($"{RowHeights.Count(h => h is not null)} row height(s)");
        }

        return parts.Count == 0 ? $"{TableCells.RowCount(table)}×{TableCells.ColumnCount(table)} table unchanged" : string.Join(", ", parts);
    }
}
