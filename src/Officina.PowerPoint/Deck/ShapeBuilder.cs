using Officina.PowerPoint.Operations;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>New shapes as PowerPoint writes them: text boxes, pictures, tables and chart frames.</summary>
public static class ShapeBuilder
{
    public const string TableUri = "http://schemas.openxmlformats.org/drawingml/2006/table";

    /// <summary>PowerPoint's default table style, "Medium Style 2 – Accent 1".</summary>
    public const string DefaultTableStyle = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}";

    public static A.Transform2D Transform(Box box) =>
        new(new A.Offset { X = box.X, Y = box.Y }, new A.Extents { Cx = box.Width, Cy = box.Height });

    public static P.Transform FrameTransform(Box box) =>
        new(new A.Offset { X = box.X, Y = box.Y }, new A.Extents { Cx = box.Width, Cy = box.Height });

    public static P.Shape TextBox(uint id, string name, Box box, IReadOnlyList<TextParagraph> paragraphs, double? fontSize, bool bold)
    {
        var run = new A.RunProperties { Language = "en-US" };
        if (fontSize is { } size)
        {
            run.FontSize = (int)Math.Round(size * 100);
        }

        if (bold)
        {
            run.Bold = true;
        }

        var body = new P.TextBody(new A.BodyProperties { Wrap = A.TextWrappingValues.Square, RightToLeftColumns = false }, new A.ListStyle());
        ShapeText.SetParagraphs(body, paragraphs);
        foreach (var r in body.Descendants<A.Run>())
        {
            r.RunProperties = (A.RunProperties)run.CloneNode(true);
        }

        foreach (var paragraph in body.Elements<A.Paragraph>().Where(p => p.ParagraphProperties?.Level is not null))
        {
            // Text boxes have no bullets of their own: show the level as an indent.
            paragraph.ParagraphProperties!.LeftMargin = (paragraph.ParagraphProperties.Level!.Value) * 457200;
        }

        return new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = name },
                new P.NonVisualShapeDrawingProperties { TextBox = true },
                new P.ApplicationNonVisualDrawingProperties()),
            new P.ShapeProperties(Transform(box), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }, new A.NoFill()),
            body);
    }

    public static P.Picture Picture(uint id, string name, string? description, string relationshipId, Box box) =>
        new(
            new P.NonVisualPictureProperties(
                Named(id, name, description: description),
                new P.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true }),
                new P.ApplicationNonVisualDrawingProperties()),
            new P.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
            new P.ShapeProperties(Transform(box), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));

    public static P.GraphicFrame ChartFrame(uint id, string name, string? title, string relationshipId, Box box) =>
        new(
            new P.NonVisualGraphicFrameProperties(
                Named(id, name, title: title),
                new P.NonVisualGraphicFrameDrawingProperties(),
                new P.ApplicationNonVisualDrawingProperties()),
            FrameTransform(box),
            Officina.OpenXml.Charts.ChartPartWriter.Graphic(relationshipId));

    public static P.GraphicFrame Table(uint id, string name, Box box, IReadOnlyList<IReadOnlyList<string?>> rows, bool header, double? fontSize, string? style = null)
    {
        var columns = rows.Max(r => r.Count);
        var columnWidth = box.Width / columns;
        var rowHeight = box.Height / rows.Count;
        var grid = new A.TableGrid();
        for (var c = 0; c < columns; c++)
        {
            grid.AppendChild(new A.GridColumn { Width = c == columns - 1 ? box.Width - columnWidth * (columns - 1) : columnWidth });
        }

        var table = new A.Table(new A.TableProperties(new A.TableStyleId(style ?? DefaultTableStyle)) { FirstRow = header, BandRow = true }, grid);
        foreach (var row in rows)
        {
            var tr = new A.TableRow { Height = rowHeight };
            for (var c = 0; c < columns; c++)
            {
                var text = c < row.Count ? row[c] ?? "" : "";
                var run = new A.RunProperties { Language = "en-US", Dirty = false };
                if (fontSize is { } size)
                {
                    run.FontSize = (int)Math.Round(size * 100);
                }

                var paragraph = ShapeText.NewParagraph(text, 1, null, run);
                tr.AppendChild(new A.TableCell(new A.TextBody(new A.BodyProperties(), new A.ListStyle(), paragraph), new A.TableCellProperties()));
            }

            table.AppendChild(tr);
        }

        return new P.GraphicFrame(
            new P.NonVisualGraphicFrameProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = name },
                new P.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties()),
            FrameTransform(box),
            new A.Graphic(new A.GraphicData(table) { Uri = TableUri }));
    }

    private static P.NonVisualDrawingProperties Named(uint id, string name, string? description = null, string? title = null)
    {
        // A null value would still write an empty attribute, which the schema forbids.
        var properties = new P.NonVisualDrawingProperties { Id = id, Name = name };
        if (description is { Length: > 0 })
        {
            properties.Description = description;
        }

        if (title is { Length: > 0 })
        {
            properties.Title = title;
        }

        return properties;
    }
}
