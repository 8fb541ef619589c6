using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Writes text into a block of table cells from a top-left cell, row by row; a null keeps that
/// cell's text and a line break starts a new paragraph. Each cell keeps its first run's
/// character formatting and its paragraph properties, as typing over it in PowerPoint does.
/// Cells hidden under a merged cell cannot be written (their text would not show).
/// </summary>
[Operation("set_table_text", "Set the text of table cells, row by row from a top-left cell.")]
public sealed record SetTableText(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The table's id or name from read_slide")] string Shape,
    [property: Description("Rows of cell text from the top-left cell; null keeps a cell's text")] string?[][] Rows,
    [property: Description("Top-left cell to write from, A1-style (columns as letters, rows as numbers); null for A1")] string? Cell = null)
    : WriteOperation<DeckSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (Rows is null || Rows.Length == 0 || Rows.All(r => r is null || r.Length == 0))
        {
            errors.Add(new("rows", "rows_required", "rows must hold at least one row with at least one cell."));
        }

        if (!TableCells.TryResolve(session, Slide, Shape, errors, out _, out var table)
            || !TableCells.TryRange(table, Cell ?? "A1", "cell", errors, out var start) || errors.Count > 0)
        {
            return errors;
        }

        var (rows, columns) = (TableCells.RowCount(table), TableCells.ColumnCount(table));
        var lastRow = start.Row + Rows!.Length - 1;
        var lastColumn = start.Column + Rows.Max(r => r?.Length ?? 0) - 1;
        if (lastRow >= rows || lastColumn >= columns)
        {
            errors.Add(new("rows", "cells_in_table", $"The table has {rows} row(s) and {columns} column(s) (A1:{CellRange.Name(rows - 1, columns - 1)}); these rows from {start} reach {CellRange.Name(lastRow, lastColumn)}. Add rows or columns to the table in PowerPoint, or write less."));
            return errors;
        }

        foreach (var (row, column, _) in Written(start))
        {
            if (TableCells.IsCovered(TableCells.Cell(table, row, column)))
            {
                var merge = TableCells.Merges(table).First(m => m.Contains(row, column));
                errors.Add(new($"rows[{row - start.Row}][{column - start.Column}]", "cell_merged",
                    $"Cell {CellRange.Name(row, column)} is hidden under the merged cell {merge}; write its text to {CellRange.Name(merge.Row, merge.Column)} (or null to skip it)."));
            }
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (_, shape) = session.ResolveShape(Slide, Shape);
        var table = TableCells.Of(shape)!;
        var start = CellRange.Parse(Cell ?? "A1")!.Value;
        var count = 0;
        foreach (var (row, column, text) in Written(start))
        {
            ShapeText.SetParagraphs(TableCells.Body(TableCells.Cell(table, row, column)), [new TextParagraph(text)]);
            count++;
        }

        var name = SlideShapes.Name(shape);
        var end = new CellRange(start.Row, start.Column, start.Row + Rows.Length - 1, start.Column + Rows.Max(r => r?.Length ?? 0) - 1);
        return new Change("set_table_text", $"slide {Slide}, shape '{name}'", $"Set the text of {count} cell(s) in {end} of table '{name}' on slide {Slide}", count);
    }

    /// <summary>The cells the rows write (0-based), skipping nulls.</summary>
    private IEnumerable<(int Row, int Column, string Text)> Written(CellRange start)
    {
        for (var r = 0; r < Rows.Length; r++)
        {
            for (var c = 0; c < (Rows[r]?.Length ?? 0); c++)
            {
                if (Rows[r]![c] is { } text)
                {
                    yield return (start.Row + r, start.Column + c, text);
                }
            }
        }
    }
}
