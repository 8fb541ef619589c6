using DocumentFormat.OpenXml;
using Officina.PowerPoint.Operations;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// New auto shapes and connectors as PowerPoint inserts them: a preset geometry and a theme
/// style reference (<c>p:style</c>) so they take the deck's accent colour, outline and body
/// font, with the plan's own colours written over the style where given.
/// </summary>
public static class ShapeStyles
{
    /// <summary>The preset geometry of each shape and the name PowerPoint gives a new one.</summary>
    public static (A.ShapeTypeValues Preset, string Label) Preset(ShapeGeometry geometry) => geometry switch
    {
        ShapeGeometry.Rectangle => (A.ShapeTypeValues.Rectangle, "Rectangle"),
        ShapeGeometry.RoundedRectangle => (A.ShapeTypeValues.RoundRectangle, "Rectangle: Rounded Corners"),
        ShapeGeometry.Ellipse => (A.ShapeTypeValues.Ellipse, "Oval"),
        ShapeGeometry.Triangle => (A.ShapeTypeValues.Triangle, "Isosceles Triangle"),
        ShapeGeometry.RightTriangle => (A.ShapeTypeValues.RightTriangle, "Right Triangle"),
        ShapeGeometry.Diamond => (A.ShapeTypeValues.Diamond, "Diamond"),
        ShapeGeometry.Parallelogram => (A.ShapeTypeValues.Parallelogram, "Parallelogram"),
        ShapeGeometry.Trapezoid => (A.ShapeTypeValues.Trapezoid, "Trapezoid"),
        ShapeGeometry.Pentagon => (A.ShapeTypeValues.Pentagon, "Regular Pentagon"),
        ShapeGeometry.Hexagon => (A.ShapeTypeValues.Hexagon, "Hexagon"),
        ShapeGeometry.Octagon => (A.ShapeTypeValues.Octagon, "Octagon"),
        ShapeGeometry.Chevron => (A.ShapeTypeValues.Chevron, "Arrow: Chevron"),
        ShapeGeometry.PentagonArrow => (A.ShapeTypeValues.HomePlate, "Arrow: Pentagon"),
        ShapeGeometry.RightArrow => (A.ShapeTypeValues.RightArrow, "Arrow: Right"),
        ShapeGeometry.LeftArrow => (A.ShapeTypeValues.LeftArrow, "Arrow: Left"),
        ShapeGeometry.UpArrow => (A.ShapeTypeValues.UpArrow, "Arrow: Up"),
        ShapeGeometry.DownArrow => (A.ShapeTypeValues.DownArrow, "Arrow: Down"),
        ShapeGeometry.LeftRightArrow => (A.ShapeTypeValues.LeftRightArrow, "Arrow: Left-Right"),
        ShapeGeometry.Star => (A.ShapeTypeValues.Star5, "Star: 5 Points"),
        ShapeGeometry.Callout => (A.ShapeTypeValues.WedgeRectangleCallout, "Speech Bubble: Rectangle"),
        ShapeGeometry.Line => (A.ShapeTypeValues.Line, "Straight Connector"),
        ShapeGeometry.Arrow => (A.ShapeTypeValues.Line, "Straight Arrow Connector"),
        _ => throw new ArgumentOutOfRangeException(nameof(geometry), geometry, "Unknown geometry."),
    };

    /// <summary>An auto shape with centred text (one paragraph per line of <paramref name="text"/>).</summary>
    public static P.Shape Shape(uint id, string name, A.ShapeTypeValues preset, Box box, string? text, string? fillColor, string? lineColor, double? fontSize)
    {
        var properties = new P.ShapeProperties(ShapeBuilder.Transform(box), new A.PresetGeometry(new A.AdjustValueList()) { Preset = preset });
        if (fillColor is not null)
        {
            properties.AppendChild(DrawingColor.IsNone(fillColor) ? new A.NoFill() : (OpenXmlElement)DrawingColor.Parse(fillColor)!.Fill());
        }

        if (lineColor is not null)
        {
            properties.AppendChild(new A.Outline(LineFill(lineColor)));
        }

        var body = new P.TextBody(new A.BodyProperties { RightToLeftColumns = false, Anchor = A.TextAnchoringTypeValues.Center }, new A.ListStyle());
        foreach (var line in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var run = new A.RunProperties { Language = "en-US", Dirty = false };
            if (fontSize is { } size)
            {
                run.FontSize = (int)Math.Round(size * 100);
            }

            var paragraph = new A.Paragraph(new A.ParagraphProperties { Alignment = A.TextAlignmentTypeValues.Center });
            paragraph.AppendChild(line.Length > 0 ? new A.Run(run, new A.Text(line)) : (OpenXmlElement)ShapeText.Retype<A.EndParagraphRunProperties>(run));
            body.AppendChild(paragraph);
        }

        return new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = name },
                new P.NonVisualShapeDrawingProperties(),
                new P.ApplicationNonVisualDrawingProperties()),
            properties,
            Style(lineIndex: 2, fillIndex: 1, shadeOutline: true, TextColor(fillColor)),
            body);
    }

    /// <summary>A straight connector from one corner of <paramref name="box"/> to the other, flipped to run the way it was drawn.</summary>
    public static P.ConnectionShape Connector(uint id, string name, Box box, bool flipH, bool flipV, bool arrowHead, string? lineColor)
    {
        var transform = ShapeBuilder.Transform(box);
        if (flipH)
        {
            transform.HorizontalFlip = true;
        }

        if (flipV)
        {
            transform.VerticalFlip = true;
        }

        var properties = new P.ShapeProperties(transform, new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Line });
        if (lineColor is not null || arrowHead)
        {
            var outline = properties.AppendChild(new A.Outline());
            if (lineColor is not null)
            {
                outline.AppendChild(LineFill(lineColor));
            }

            if (arrowHead)
            {
                outline.AppendChild(new A.TailEnd { Type = A.LineEndValues.Triangle });
            }
        }

        return new P.ConnectionShape(
            new P.NonVisualConnectionShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = name },
                new P.NonVisualConnectorShapeDrawingProperties(),
                new P.ApplicationNonVisualDrawingProperties()),
            properties,
            Style(lineIndex: 1, fillIndex: 0, shadeOutline: false, A.SchemeColorValues.Text1));
    }

    private static OpenXmlElement LineFill(string color) =>
        DrawingColor.IsNone(color) ? new A.NoFill() : DrawingColor.Parse(color)!.Fill();

    /// <summary>Light text (the theme's light 1) on accents and dark colours, dark text (text 1) on light fills and on no fill.</summary>
    private static A.SchemeColorValues TextColor(string? fillColor)
    {
        if (fillColor is null)
        {
            return A.SchemeColorValues.Light1;
        }

        if (DrawingColor.IsNone(fillColor))
        {
            return A.SchemeColorValues.Text1;
        }

        var color = DrawingColor.Parse(fillColor)!;
        if (color.Rgb is { } rgb)
        {
            var r = Convert.ToInt32(rgb[..2], 16) / 255.0;
            var g = Convert.ToInt32(rgb[2..4], 16) / 255.0;
            var b = Convert.ToInt32(rgb[4..], 16) / 255.0;
            return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6 ? A.SchemeColorValues.Text1 : A.SchemeColorValues.Light1;
        }

        return color.Scheme is { } scheme && (scheme == A.SchemeColorValues.Background1 || scheme == A.SchemeColorValues.Background2
            || scheme == A.SchemeColorValues.Light1 || scheme == A.SchemeColorValues.Light2)
            ? A.SchemeColorValues.Text1
            : A.SchemeColorValues.Light1;
    }

    /// <summary>The <c>p:style</c> of a new shape: theme line, fill and effect by index in accent 1, and the minor (body) font.</summary>
    private static P.ShapeStyle Style(uint lineIndex, uint fillIndex, bool shadeOutline, A.SchemeColorValues fontColor)
    {
        var lineColor = new A.SchemeColor { Val = A.SchemeColorValues.Accent1 };
        if (shadeOutline)
        {
            lineColor.AppendChild(new A.Shade { Val = 50000 });
        }

        return new P.ShapeStyle(
            new A.LineReference(lineColor) { Index = lineIndex },
            new A.FillReference(new A.SchemeColor { Val = A.SchemeColorValues.Accent1 }) { Index = fillIndex },
            new A.EffectReference(new A.SchemeColor { Val = A.SchemeColorValues.Accent1 }) { Index = 0 },
            new A.FontReference(new A.SchemeColor { Val = fontColor }) { Index = A.FontCollectionIndexValues.Minor });
    }
}
