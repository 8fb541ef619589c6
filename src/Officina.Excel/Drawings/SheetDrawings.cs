using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Cells;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Officina.Excel.Drawings;

/// <summary>
/// The drawing layer of one worksheet: finds or creates its <see cref="DrawingsPart"/> (and the
/// <c>&lt;drawing r:id&gt;</c> element in schema order), hands out unique shape ids, and turns a
/// size in points or in cells into a two-cell anchor using the sheet's column widths and
/// row heights. Anchors already on the sheet are never touched.
/// </summary>
public sealed class SheetDrawings(SheetCells sheet)
{
    public const long EmuPerPoint = 12_700;

    /// <summary>Elements that come after <c>drawing</c> in a worksheet.</summary>
    private static readonly Type[] AfterDrawing =
    [
        typeof(LegacyDrawing), typeof(LegacyDrawingHeaderFooter), typeof(DrawingHeaderFooter), typeof(Picture), typeof(OleObjects),
        typeof(Controls), typeof(WebPublishItems), typeof(TableParts), typeof(WorksheetExtensionList),
    ];

    /// <summary>The sheet's drawing part, created (with its <c>drawing</c> element) when the sheet has none.</summary>
    public DrawingsPart Part
    {
        get
        {
            var worksheet = sheet.Worksheet;
            if (worksheet.GetFirstChild<Drawing>() is { Id.Value: { } id } && sheet.Part.TryGetPartById(id, out var existing)
                && existing is DrawingsPart found)
            {
                found.WorksheetDrawing ??= NewDrawing();
                return found;
            }

            var part = sheet.Part.AddNewPart<DrawingsPart>();
            part.WorksheetDrawing = NewDrawing();
            var drawing = new Drawing { Id = sheet.Part.GetIdOfPart(part) };
            worksheet.RemoveAllChildren<Drawing>();
            var before = worksheet.ChildElements.FirstOrDefault(e => AfterDrawing.Contains(e.GetType()));
            if (before is null)
            {
                worksheet.AppendChild(drawing);
            }
            else
            {
                worksheet.InsertBefore(drawing, before);
            }

            return part;
        }
    }

    /// <summary>One more than the largest <c>cNvPr id</c> in the drawing (ids must be unique within it).</summary>
    public static uint NextShapeId(Xdr.WorksheetDrawing drawing)
    {
        ArgumentNullException.ThrowIfNull(drawing);
        uint max = 1;
        foreach (var element in drawing.Descendants())
        {
            if (element.LocalName == "cNvPr" && element.GetAttributes().FirstOrDefault(a => a.LocalName == "id").Value is { } text
                && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                max = Math.Max(max, id);
            }
        }

        return max + 1;
    }

    /// <summary>
    /// A two-cell anchor from the top-left corner of (<paramref name="row"/>, <paramref name="column"/>)
    /// (1-based), spanning whole cells or a size in points.
    /// </summary>
    public Xdr.TwoCellAnchor Anchor(int row, int column, int? columns, int? rows, double? widthPoints, double? heightPoints)
    {
        var (toColumn, columnOffset) = widthPoints is { } w
            ? Walk(column, (long)(w * EmuPerPoint), ColumnWidthEmu, Addressing.CellAddress.MaxColumn)
            : (column + (columns ?? 8), 0L);
        var (toRow, rowOffset) = heightPoints is { } h
            ? Walk(row, (long)(h * EmuPerPoint), RowHeightEmu, Addressing.CellAddress.MaxRow)
            : (row + (rows ?? 15), 0L);
        return new Xdr.TwoCellAnchor(Marker<Xdr.FromMarker>(column, 0, row, 0), Marker<Xdr.ToMarker>(toColumn, columnOffset, toRow, rowOffset))
        {
            EditAs = Xdr.EditAsValues.OneCell,
        };
    }

    /// <summary>Width of a 1-based column in EMU, from its <c>col</c> entry or the sheet default (Calibri 11: 7 px per character + 5 px padding).</summary>
    public long ColumnWidthEmu(int column)
    {
        var columns = sheet.Worksheet.GetFirstChild<Columns>();
        var entry = columns?.Elements<Column>().FirstOrDefault(c => c.Min?.Value <= column && c.Max?.Value >= column);
        if (entry?.Hidden?.Value == true)
        {
            return 0;
        }

        var format = sheet.Worksheet.GetFirstChild<SheetFormatProperties>();
        var characters = entry?.Width?.Value ?? format?.DefaultColumnWidth?.Value ?? ((format?.BaseColumnWidth?.Value ?? 8) + (5.0 / 7));
        var pixels = Math.Truncate(((256 * characters) + Math.Truncate(128.0 / 7)) / 256 * 7);
        return (long)(pixels * 9525);
    }

    /// <summary>Height of a 1-based row in EMU, from its <c>ht</c> or the sheet default (15 pt).</summary>
    public long RowHeightEmu(int row)
    {
        var element = sheet.FindRow(row);
        if (element?.Hidden?.Value == true)
        {
            return 0;
        }

        var points = element?.Height?.Value ?? sheet.Worksheet.GetFirstChild<SheetFormatProperties>()?.DefaultRowHeight?.Value ?? 15;
        return (long)(points * EmuPerPoint);
    }

    private static (int Index, long Offset) Walk(int start, long length, Func<int, long> size, int max)
    {
        var index = start;
        while (index < max)
        {
            var current = size(index);
            if (length < current || current == 0 && length == 0)
            {
                return (index, length);
            }

            length -= current;
            index++;
        }

        return (max, 0);
    }

    private static T Marker<T>(int column, long columnOffset, int row, long rowOffset)
        where T : OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(
            new Xdr.ColumnId((column - 1).ToString(CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset(columnOffset.ToString(CultureInfo.InvariantCulture)),
            new Xdr.RowId((row - 1).ToString(CultureInfo.InvariantCulture)),
            new Xdr.RowOffset(rowOffset.ToString(CultureInfo.InvariantCulture)));
        return marker;
    }

    private static Xdr.WorksheetDrawing NewDrawing()
    {
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        return drawing;
    }
}
