using System.Globalization;
using DocumentFormat.OpenXml;
using Officina.Operations;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>A rectangle of table cells, 0-based and inclusive, written A1-style ("B2:C3": columns as letters, rows as numbers).</summary>
public readonly record struct CellRange(int Row, int Column, int LastRow, int LastColumn)
{
    public int Rows => LastRow - Row + 1;

    public int Columns => LastColumn - Column + 1;

    public bool Contains(int row, int column) => row >= Row && row <= LastRow && column >= Column && column <= LastColumn;

    /// <summary>"B2" for one cell, "A1:C3" for more.</summary>
    public override string ToString() =>
        Rows == 1 && Columns == 1 ? Name(Row, Column) : $"{Name(Row, Column)}:{Name(LastRow, LastColumn)}";

    public static string Name(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }

        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads "B2" or "B2:C3" (either corner order, any case); null when it is neither.</summary>
    public static CellRange? Parse(string? text)
    {
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length is < 1 or > 2 || Cell(parts[0]) is not { } first || (parts.Length == 2 ? Cell(parts[1]) : first) is not { } last)
        {
            return null;
        }

        return new CellRange(Math.Min(first.Row, last.Row), Math.Min(first.Column, last.Column), Math.Max(first.Row, last.Row), Math.Max(first.Column, last.Column));
    }

    private static (int Row, int Column)? Cell(string text)
    {
        var letters = text.TakeWhile(char.IsAsciiLetter).Count();
        if (letters is 0 or > 3 || !int.TryParse(text.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1)
        {
            return null;
        }

        var column = text[..letters].ToUpperInvariant().Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1));
        return (row - 1, column - 1);
    }
}

/// <summary>
/// The table of a graphic frame as a grid: finding it, addressing its cells A1-style, and the
/// merged areas in it (<c>gridSpan</c>/<c>rowSpan</c> on the top-left cell, <c>hMerge</c>/<c>vMerge</c>
/// on the cells it covers, as PowerPoint writes them).
/// </summary>
public static class TableCells
{
    public const string Addressing = "A1-style cells, columns as letters and rows as numbers: 'A1' is the top-left cell, 'A1:C1' the first row of a 3-column table";

    /// <summary>The table in <paramref name="shape"/>, or null when it is not a table frame.</summary>
    public static A.Table? Of(OpenXmlElement shape) => shape is P.GraphicFrame frame ? frame.Descendants<A.Table>().FirstOrDefault() : null;

    public static int RowCount(A.Table table) => table.Elements<A.TableRow>().Count();

    public static int ColumnCount(A.Table table) => table.TableGrid?.Elements<A.GridColumn>().Count() ?? 0;

    /// <summary>The cell at 0-based <paramref name="row"/> and <paramref name="column"/> (rows and cells are complete in a valid table).</summary>
    public static A.TableCell Cell(A.Table table, int row, int column) =>
        table.Elements<A.TableRow>().ElementAt(row).Elements<A.TableCell>().ElementAt(column);

    /// <summary>Resolves the slide, the shape and its table, adding errors when the shape is not a table or its rows do not match its grid.</summary>
    public static bool TryResolve(DeckSession session, int slide, string? shape, ICollection<OperationError> errors, out P.GraphicFrame frame, out A.Table table)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(errors);
        frame = null!;
        table = null!;
        if (!session.TryResolveShape(slide, shape, errors, out _, out var element))
        {
            return false;
        }

        if (Of(element) is not { } found)
        {
            errors.Add(new("shape", "shape_kind", $"Shape '{shape}' is a {SlideShapes.Kind(element)}, not a table; add one with add_table."));
            return false;
        }

        var columns = ColumnCount(found);
        if (found.Elements<A.TableRow>().Any(r => r.Elements<A.TableCell>().Count() != columns))
        {
            errors.Add(new("shape", "table_shape", $"Table '{shape}' has rows whose cells do not match its {columns} grid column(s); it cannot be edited cell by cell."));
            return false;
        }

        (frame, table) = ((P.GraphicFrame)element, found);
        return true;
    }

    /// <summary>Parses <paramref name="text"/> and checks it lies inside <paramref name="table"/>, adding an error at <paramref name="path"/>.</summary>
    public static bool TryRange(A.Table table, string? text, string path, ICollection<OperationError> errors, out CellRange range)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(errors);
        var (rows, columns) = (RowCount(table), ColumnCount(table));
        range = default;
        if (CellRange.Parse(text) is not { } parsed)
        {
            errors.Add(new(path, "cells", $"{path} must be {Addressing}. Given: '{text}'."));
            return false;
        }

        if (parsed.LastRow >= rows || parsed.LastColumn >= columns)
        {
            errors.Add(new(path, "cells_in_table", $"The table has {rows} row(s) and {columns} column(s) (A1:{CellRange.Name(rows - 1, columns - 1)}). Given: '{text}'."));
            return false;
        }

        range = parsed;
        return true;
    }

    public static CellRange Whole(A.Table table) => new(0, 0, RowCount(table) - 1, ColumnCount(table) - 1);

    /// <summary>Every merged area of the table, from the spans on their top-left cells.</summary>
    public static IReadOnlyList<CellRange> Merges(A.Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var merges = new List<CellRange>();
        var r = 0;
        foreach (var row in table.Elements<A.TableRow>())
        {
            var c = 0;
            foreach (var cell in row.Elements<A.TableCell>())
            {
                var across = cell.GridSpan?.Value ?? 1;
                var down = cell.RowSpan?.Value ?? 1;
                if ((across > 1 || down > 1) && cell.HorizontalMerge?.Value != true && cell.VerticalMerge?.Value != true)
                {
                    merges.Add(new CellRange(r, c, r + Math.Max(down, 1) - 1, c + Math.Max(across, 1) - 1));
                }

                c++;
            }

            r++;
        }

        return merges;
    }

    /// <summary>True when the cell is hidden under a merged area's top-left cell.</summary>
    public static bool IsCovered(A.TableCell cell) => cell.HorizontalMerge?.Value == true || cell.VerticalMerge?.Value == true;

    /// <summary>The cell's <c>a:tcPr</c>, created in its place (after the text body) when missing.</summary>
    public static A.TableCellProperties Properties(A.TableCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.TableCellProperties is { } existing)
        {
            return existing;
        }

        var properties = new A.TableCellProperties();
        if (cell.TextBody is { } body)
        {
            body.InsertAfterSelf(properties);
        }
        else
        {
            cell.PrependChild(properties);
        }

        return properties;
    }

    /// <summary>A cell's text body, created with one empty paragraph when missing.</summary>
    public static A.TextBody Body(A.TableCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.TextBody ?? cell.PrependChild(new A.TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.EndParagraphRunProperties { Language = "en-US" })));
    }
}
