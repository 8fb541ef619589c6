using System.ComponentModel;
using System.Globalization;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>The preset geometries add_shape draws (PowerPoint's Insert → Shapes gallery).</summary>
public enum ShapeGeometry
{
    Rectangle,
    RoundedRectangle,
    Ellipse,
    Triangle,
    RightTriangle,
    Diamond,
    Parallelogram,
    Trapezoid,
    Pentagon,
    Hexagon,
    Octagon,
    Chevron,
    PentagonArrow,
    RightArrow,
    LeftArrow,
    UpArrow,
    DownArrow,
    LeftRightArrow,
    Star,
    Callout,
    Line,
    Arrow,
}

/// <summary>
/// Adds a shape of a preset geometry with optional text, styled by the theme as PowerPoint
/// styles a new shape (accent 1 fill, a darker outline, centred text in the body font). With
/// <see cref="FillColor"/> the text is dark or light, whichever reads on that fill. A line or
/// arrow is a connector from (x, y) to (x + width, y + height); width or height may be 0 or
/// negative for it, and it holds no text.
/// </summary>
[Operation("add_shape", "Add a shape (rectangle, rounded rectangle, ellipse, arrow, chevron, line…) with text.")]
public sealed record AddShape(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The shape to draw; line and arrow are straight connectors")] ShapeGeometry Geometry,
    [property: Description("Left edge in points from the slide's left (a 16:9 slide is 960 × 540 pt); a line's start")] double X,
    [property: Description("Top edge in points from the slide's top; a line's start")] double Y,
    [property: Description("Width in points; for a line the horizontal distance to its end (may be 0 or negative)")] double Width,
    [property: Description("Height in points; for a line the vertical distance to its end (may be 0 or negative)")] double Height,
    [property: Description("Text inside the shape; a line break (\\n) starts a new paragraph; null for none")] string? Text = null,
    [property: Description("Fill colour: #RRGGBB, a theme colour (accent1…accent6, text1, text2, background1, background2) or 'none'; null for the theme's accent1")] string? FillColor = null,
    [property: Description("Outline (or line) colour as fill_color, or 'none'; null for the theme's")] string? LineColor = null,
    [property: Description("Font size in points; null for the theme's default (18)")] double? FontSize = null,
    [property: Description("Shape name; null for PowerPoint's, e.g. 'Arrow: Right 4'")] string? Name = null)
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
        session.TryResolveSlide(Slide, "slide", errors, out _);
        if (!Enum.IsDefined(Geometry))
        {
            errors.Add(new("geometry", "geometry", $"geometry must be one of {string.Join(", ", Enum.GetNames<ShapeGeometry>())}. Given: {(int)Geometry}."));
        }

        if (IsLine)
        {
            Placement.Check(X, Y, null, null, errors);
            foreach (var (name, value) in new[] { ("width", Width), ("height", Height) })
            {
                if (double.IsNaN(value) || Math.Abs(value) > Placement.MaxPoints)
                {
                    errors.Add(new(name, "size", $"{name} must be between {-Placement.MaxPoints} and {Placement.MaxPoints} points for a line. Given: {value.ToString(CultureInfo.InvariantCulture)}."));
                }
            }

            if (Width == 0 && Height == 0)
            {
                errors.Add(new("width", "size", "A line needs a length: width and height cannot both be 0."));
            }

            if (Text is not null)
            {
                errors.Add(new("text", "line_text", "A line or arrow holds no text; add a text box beside it, or use a shape such as right_arrow."));
            }

            if (FillColor is not null)
            {
                errors.Add(new("fill_color", "line_fill", "A line or arrow has no fill; give its colour as line_color."));
            }
        }
        else
        {
            Placement.Check(X, Y, Width, Height, errors);
        }

        DrawingColor.Check(FillColor, "fill_color", true, errors);
        DrawingColor.Check(LineColor, "line_color", true, errors);
        if (FontSize is { } size && (double.IsNaN(size) || size is < 1 or > FormatText.MaxSize))
        {
            errors.Add(new("font_size", "font_size", $"font_size must be between 1 and {FormatText.MaxSize} points. Given: {size.ToString(CultureInfo.InvariantCulture)}."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slide = session.SlideAt(Slide)!;
        var id = SlideShapes.NextId(slide);
        var (preset, label) = ShapeStyles.Preset(Geometry);
        var name = Name is { Length: > 0 } n ? n : $"{label} {id - 1}";
        var start = (X: Placement.Emu(X), Y: Placement.Emu(Y));
        var end = (X: Placement.Emu(X + Width), Y: Placement.Emu(Y + Height));
        var box = new Box(Math.Min(start.X, end.X), Math.Min(start.Y, end.Y), Math.Abs(end.X - start.X), Math.Abs(end.Y - start.Y));
        var tree = slide.Slide.CommonSlideData!.ShapeTree!;
        if (IsLine)
        {
            tree.AppendChild(ShapeStyles.Connector(id, name, box, end.X < start.X, end.Y < start.Y, Geometry == ShapeGeometry.Arrow, LineColor));
        }
        else
        {
            tree.AppendChild(ShapeStyles.Shape(id, name, preset, box, Text, FillColor, LineColor, FontSize));
        }

        var text = Text?.ReplaceLineEndings(" / ") is { Length: > 0 } t ? $" with text '{(t.Length > 40 ? t[..40] + "…" : t)}'" : "";
        return new Change("add_shape", $"slide {Slide}, shape '{name}'", $"Added {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(Geometry.ToString()).Replace('_', ' ')} '{name}' (id {id}){text} on slide {Slide}");
    }

    private bool IsLine => Geometry is ShapeGeometry.Line or ShapeGeometry.Arrow;
}
