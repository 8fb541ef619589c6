using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Comments;
using Officina.Excel.Formulas;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Officina.Excel.Structure;

/// <summary>
/// Moves what is anchored to cells when rows or columns are inserted or deleted: notes
/// (the comments part and their VML shapes) follow their cell and go with a deleted one;
/// charts, pictures and shapes (drawing anchors, 0-based markers) move and resize with the
/// cells under them, as Excel's default "move and size with cells" does.
/// </summary>
internal static class SheetAnchors
{
    private static readonly XNamespace X = "urn:schemas-microsoft-com:office:excel";
    private static readonly XNamespace V = "urn:schemas-microsoft-com:vml";

    /// <param name="map">The new 1-based index of a 1-based row or column, or null when it was deleted.</param>
    public static void Shift(WorksheetPart part, SheetAxis axis, Func<int, int?> map)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(map);
        ShiftComments(part, axis, map);
        ShiftDrawings(part, axis, map);
    }

    private static void ShiftComments(WorksheetPart part, SheetAxis axis, Func<int, int?> map)
    {
        var list = part.WorksheetCommentsPart?.Comments?.CommentList;
        if (list is null)
        {
            return;
        }

        foreach (var comment in list.Elements<Comment>().ToList())
        {
            if (!CellAddress.TryParse(comment.Reference?.Value, out var address))
            {
                continue;
            }

            var index = axis == SheetAxis.Rows ? address.Row : address.Column;
            if (map(index) is not { } moved)
            {
                comment.Remove();
            }
            else if (moved != index)
            {
                comment.Reference = (axis == SheetAxis.Rows ? address with { Row = moved } : address with { Column = moved }).A1;
            }
        }

        foreach (var vmlPart in part.VmlDrawingParts)
        {
            XDocument vml;
            try
            {
                vml = LegacyComments.Load(vmlPart);
            }
            catch (XmlException)
            {
                continue; // VML Office wrote loosely: its note shapes stay; Excel places notes from the comments part.
            }

            var changed = false;
            foreach (var data in vml.Descendants(X + "ClientData").Where(d => (string?)d.Attribute("ObjectType") == "Note").ToList())
            {
                var element = data.Element(X + (axis == SheetAxis.Rows ? "Row" : "Column"));
                if (element is null || !int.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var zeroBased))
                {
                    continue;
                }

                if (map(zeroBased + 1) is not { } moved)
                {
                    (data.Ancestors(V + "shape").FirstOrDefault() ?? data.Parent)?.Remove();
                    changed = true;
                    continue;
                }

                if (moved - 1 != zeroBased)
                {
                    element.Value = (moved - 1).ToString(CultureInfo.InvariantCulture);
                    ShiftVmlAnchor(data.Element(X + "Anchor"), axis, map);
                    changed = true;
                }
            }

            if (changed)
            {
                LegacyComments.Save(vmlPart, vml);
            }
        }
    }

    /// <summary><c>x:Anchor</c> is "LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset, BottomRow, BottomOffset", 0-based.</summary>
    private static void ShiftVmlAnchor(XElement? anchor, SheetAxis axis, Func<int, int?> map)
    {
        if (anchor is null)
        {
            return;
        }

        var parts = anchor.Value.Split(',').Select(p => p.Trim()).ToArray();
        if (parts.Length != 8)
        {
            return;
        }

        foreach (var i in axis == SheetAxis.Rows ? new[] { 2, 6 } : [0, 4])
        {
            if (int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var zeroBased) && map(zeroBased + 1) is { } moved)
            {
                parts[i] = (moved - 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        anchor.Value = string.Join(", ", parts);
    }

    private static void ShiftDrawings(WorksheetPart part, SheetAxis axis, Func<int, int?> map)
    {
        var drawing = part.DrawingsPart?.WorksheetDrawing;
        if (drawing is null)
        {
            return;
        }

        foreach (var anchor in drawing.Elements<Xdr.TwoCellAnchor>())
        {
            var (from, to) = (Marker(anchor.FromMarker, axis), Marker(anchor.ToMarker, axis));
            if (from is null || to is null)
            {
                continue;
            }

            // Deleted cells under an object shrink it; the end marker lands on the first row after them.
            var newFrom = map(from.Value + 1) ?? NextKept(from.Value + 1, map);
            var newTo = map(to.Value + 1) ?? NextKept(to.Value + 1, map);
            SetMarker(anchor.FromMarker!, axis, newFrom - 1);
            SetMarker(anchor.ToMarker!, axis, Math.Max(newFrom, newTo) - 1);
        }

        foreach (var anchor in drawing.Elements<Xdr.OneCellAnchor>())
        {
            if (Marker(anchor.FromMarker, axis) is { } from)
            {
                SetMarker(anchor.FromMarker!, axis, (map(from + 1) ?? NextKept(from + 1, map)) - 1);
            }
        }
    }

    /// <summary>The new index of the first index at or after <paramref name="index"/> that survives.</summary>
    private static int NextKept(int index, Func<int, int?> map)
    {
        for (var i = index; i <= CellAddress.MaxRow; i++)
        {
            if (map(i) is { } kept)
            {
                return kept;
            }
        }

        return Math.Max(1, index - 1);
    }

    private static int? Marker(Xdr.MarkerType? marker, SheetAxis axis)
    {
        var text = axis == SheetAxis.Rows ? marker?.RowId?.Text : marker?.ColumnId?.Text;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static void SetMarker(Xdr.MarkerType marker, SheetAxis axis, int zeroBased)
    {
        var text = Math.Max(0, zeroBased).ToString(CultureInfo.InvariantCulture);
        if (axis == SheetAxis.Rows)
        {
            marker.RowId = new Xdr.RowId(text);
        }
        else
        {
            marker.ColumnId = new Xdr.ColumnId(text);
        }
    }
}
