using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Merges a block of table cells into one, or with <see cref="Unmerge"/> splits every merged
/// cell that touches the block. Written as PowerPoint writes it: the top-left cell carries
/// <c>gridSpan</c> (columns) and <c>rowSpan</c> (rows), the other cells of its first row
/// <c>hMerge</c>, of its first column <c>vMerge</c>, the rest both, so PowerPoint opens the file
/// without repair. Like PowerPoint, the merged cell keeps the text of every cell, each cell's
/// paragraphs after the top-left cell's; the covered cells are left empty. Merging over part
/// of an existing merged cell is refused; unmerge it first.
/// </summary>
[Operation("merge_table_cells", "Merge a block of table cells into one, or split merged cells.")]
public sealed record MergeTableCells(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The table's id or name from read_slide")] string Shape,
    [property: Description("Cells to merge, A1-style, e.g. 'A1:C1' (columns as letters, rows as numbers); with unmerge, merged cells touching it are split")] string Cells,
    [property: Description("True to split merged cells instead of merging (default false)")] bool? Unmerge = null)
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
        if (!TableCells.TryResolve(session, Slide, Shape, errors, out _, out var table) || !TableCells.TryRange(table, Cells, "cells", errors, out var range))
        {
            return errors;
        }

        var touching = TableCells.Merges(table).Where(m => Overlaps(m, range)).ToList();
        if (Unmerge == true)
        {
            if (touching.Count == 0)
            {
                errors.Add(new("cells", "merged_cells", $"No merged cell touches {range}; there is nothing to unmerge."));
            }

            return errors;
        }

        if (range.Rows == 1 && range.Columns == 1)
        {
            errors.Add(new("cells", "merge_size", $"A merged cell spans at least two cells. Given: {range}."));
        }

        foreach (var partial in touching.Where(m => !(range.Contains(m.Row, m.Column) && range.Contains(m.LastRow, m.LastColumn))))
        {
            errors.Add(new("cells", "merge_overlap", $"{range} covers part of the merged cell {partial}; unmerge it first or include all of it."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (_, shape) = session.ResolveShape(Slide, Shape);
        var table = TableCells.Of(shape)!;
        var range = CellRange.Parse(Cells)!.Value;
        var name = SlideShapes.Name(shape);
        var touching = TableCells.Merges(table).Where(m => Overlaps(m, range)).ToList();
        foreach (var merge in touching)
        {
            Split(table, merge);
        }

        if (Unmerge == true)
        {
            return new Change("merge_table_cells", $"slide {Slide}, shape '{name}'",
                $"Unmerged {string.Join(", ", touching)} in table '{name}' on slide {Slide}", touching.Count);
        }

        var first = TableCells.Cell(table, range.Row, range.Column);
        var body = TableCells.Body(first);
        for (var r = range.Row; r <= range.LastRow; r++)
        {
            for (var c = range.Column; c <= range.LastColumn; c++)
            {
                var cell = TableCells.Cell(table, r, c);
                if (cell != first)
                {
                    MoveText(cell, body);
                    cell.HorizontalMerge = c > range.Column ? true : null;
                    cell.VerticalMerge = r > range.Row ? true : null;
                }
            }
        }

        first.GridSpan = range.Columns > 1 ? range.Columns : null;
        first.RowSpan = range.Rows > 1 ? range.Rows : null;
        return new Change("merge_table_cells", $"slide {Slide}, shape '{name}'", $"Merged {range} of table '{name}' on slide {Slide} into one cell", range.Rows * range.Columns);
    }

    private static bool Overlaps(CellRange a, CellRange b) =>
        a.Row <= b.LastRow && b.Row <= a.LastRow && a.Column <= b.LastColumn && b.Column <= a.LastColumn;

    private static void Split(A.Table table, CellRange merge)
    {
        for (var r = merge.Row; r <= merge.LastRow; r++)
        {
            for (var c = merge.Column; c <= merge.LastColumn; c++)
            {
                var cell = TableCells.Cell(table, r, c);
                cell.GridSpan = null;
                cell.RowSpan = null;
                cell.HorizontalMerge = null;
                cell.VerticalMerge = null;
            }
        }
    }

    /// <summary>Moves the paragraphs of <paramref name="cell"/> that hold text to the end of <paramref name="target"/>, leaving one empty paragraph behind.</summary>
    private static void MoveText(A.TableCell cell, A.TextBody target)
    {
        var body = TableCells.Body(cell);
        var paragraphs = body.Elements<A.Paragraph>().ToList();
        var withText = paragraphs.Where(p => ShapeText.Of(p).Trim().Length > 0).ToList();
        if (withText.Count == 0)
        {
            return;
        }

        var existing = target.Elements<A.Paragraph>().ToList();
        if (existing.Count == 1 && ShapeText.Of(existing[0]).Length == 0)
        {
            existing[0].Remove();
        }

        foreach (var paragraph in withText)
        {
            paragraph.Remove();
            target.AppendChild(paragraph);
        }

        if (!body.Elements<A.Paragraph>().Any())
        {
            var end = withText[0].GetFirstChild<A.EndParagraphRunProperties>()?.CloneNode(true) as A.EndParagraphRunProperties ?? new A.EndParagraphRunProperties { Language = "en-US" };
            body.AppendChild(new A.Paragraph(end));
        }
    }
}
