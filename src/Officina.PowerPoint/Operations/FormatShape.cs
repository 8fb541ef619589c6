using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>Dash patterns of an outline, as PowerPoint's Dash type menu names them.</summary>
public enum LineDash
{
    Solid,
    Dash,
    DashDot,
    DashDotDot,
    LongDash,
    LongDashDot,
    RoundDot,
    SquareDot,
}

/// <summary>
/// Sets a shape's fill (a solid colour, a linear gradient, or none) and outline (colour or
/// none, width, dash). Works on shapes, text boxes, placeholders and pictures; connectors take
/// an outline only. What is left null keeps what the shape has (its own setting, or its theme
/// style's).
/// </summary>
[Operation("format_shape", "Set a shape's fill (colour, gradient or none) and outline (colour, width, dash or none).")]
public sealed record FormatShape(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Shape id or name from read_slide")] string Shape,
    [property: Description("Fill colour: #RRGGBB or a theme colour (accent1…accent6, text1, text2, background1, background2), or 'none' for no fill")] string? FillColor = null,
    [property: Description("A linear gradient fill instead of fill_color")] Gradient? Gradient = null,
    [property: Description("Transparency of fill_color or gradient, 0 (opaque) to 100 (invisible) %")] double? FillTransparency = null,
    [property: Description("Outline colour as fill_color, or 'none' for no outline")] string? LineColor = null,
    [property: Description("Outline width in points (0 to 1584)")] double? LineWidth = null,
    [property: Description("Outline dash pattern")] LineDash? LineDash = null)
    : WriteOperation<DeckSession>
{
    public const double MaxLineWidth = 1584;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (FillColor is null && Gradient is null && FillTransparency is null && LineColor is null && LineWidth is null && LineDash is null)
        {
            errors.Add(new("$", "format_required", "Set at least one of fill_color, gradient, fill_transparency, line_color, line_width, line_dash."));
        }

        if (FillColor is not null && Gradient is not null)
        {
            errors.Add(new("gradient", "one_fill", "Give fill_color or gradient, not both."));
        }

        DrawingColor.Check(FillColor, "fill_color", true, errors);
        DrawingColor.Check(LineColor, "line_color", true, errors);
        Operations.Gradient.Check(Gradient, "gradient", errors);
        if (FillTransparency is { } transparency)
        {
            if (double.IsNaN(transparency) || transparency is < 0 or > 100)
            {
                errors.Add(new("fill_transparency", "transparency", $"fill_transparency must be between 0 and 100 (%). Given: {transparency.ToString(CultureInfo.InvariantCulture)}."));
            }
            else if (Gradient is null && (FillColor is null || DrawingColor.IsNone(FillColor)))
            {
                errors.Add(new("fill_transparency", "fill_required", "fill_transparency needs the fill it applies to: give fill_color (a colour) or gradient."));
            }
        }

        if (LineWidth is { } width && (double.IsNaN(width) || width is < 0 or > MaxLineWidth))
        {
            errors.Add(new("line_width", "line_width", $"line_width must be between 0 and {MaxLineWidth} points. Given: {width.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (!session.TryResolveShape(Slide, Shape, errors, out _, out var shape))
        {
            return errors;
        }

        switch (shape)
        {
            case P.GroupShape:
                errors.Add(new("shape", "shape_kind", $"Shape '{Shape}' is a group; format the shapes in it one by one (ids {string.Join(", ", SlideShapes.All(shape).Skip(1).Select(SlideShapes.Id))})."));
                break;
            case P.GraphicFrame:
                errors.Add(new("shape", "shape_kind", $"Shape '{Shape}' is a {SlideShapes.Kind(shape)}, which has no fill or outline of its own; format_shape works on shapes, text boxes, placeholders, pictures and connectors."));
                break;
            case P.ConnectionShape when FillColor is not null || Gradient is not null:
                errors.Add(new(FillColor is not null ? "fill_color" : "gradient", "shape_kind", $"Shape '{Shape}' is a connector (a line), which has no fill; set line_color instead."));
                break;
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (_, shape) = session.ResolveShape(Slide, Shape);
        var properties = shape switch
        {
            P.Shape s => s.ShapeProperties ??= new P.ShapeProperties(),
            P.Picture p => p.ShapeProperties ??= new P.ShapeProperties(),
            P.ConnectionShape c => c.ShapeProperties ??= new P.ShapeProperties(),
            _ => throw new InvalidOperationException($"Shape '{Shape}' has no shape properties."),
        };

        if (Gradient is not null)
        {
            SchemaOrder.Set(properties, SchemaOrder.ShapeProperties, DrawingFill.Linear(Gradient, FillTransparency));
        }
        else if (FillColor is not null)
        {
            SchemaOrder.Set(properties, SchemaOrder.ShapeProperties,
                DrawingColor.IsNone(FillColor) ? new A.NoFill() : (OpenXmlElement)DrawingColor.Parse(FillColor)!.Fill(FillTransparency));
        }

        if (LineColor is not null || LineWidth is not null || LineDash is not null)
        {
            var outline = SchemaOrder.Get(properties, SchemaOrder.ShapeProperties, "ln") as A.Outline
                ?? SchemaOrder.Set(properties, SchemaOrder.ShapeProperties, new A.Outline());
            if (LineWidth is { } width)
            {
                outline.Width = (int)Placement.Emu(width);
            }

            if (LineColor is not null)
            {
                SchemaOrder.Set(outline, SchemaOrder.LineProperties,
                    DrawingColor.IsNone(LineColor) ? new A.NoFill() : (OpenXmlElement)DrawingColor.Parse(LineColor)!.Fill());
            }

            if (LineDash is { } dash)
            {
                SchemaOrder.Set(outline, SchemaOrder.LineProperties, new A.PresetDash { Val = Dash(dash) });
            }
        }

        var name = SlideShapes.Name(shape);
        return new Change("format_shape", $"slide {Slide}, shape '{name}'", $"Formatted {SlideShapes.Kind(shape)} '{name}' on slide {Slide}: {Describe()}");
    }

    private static A.PresetLineDashValues Dash(LineDash dash) => dash switch
    {
        Operations.LineDash.Dash => A.PresetLineDashValues.Dash,
        Operations.LineDash.DashDot => A.PresetLineDashValues.DashDot,
        Operations.LineDash.DashDotDot => A.PresetLineDashValues.LargeDashDotDot,
        Operations.LineDash.LongDash => A.PresetLineDashValues.LargeDash,
        Operations.LineDash.LongDashDot => A.PresetLineDashValues.LargeDashDot,
        Operations.LineDash.RoundDot => A.PresetLineDashValues.SystemDot,
        Operations.LineDash.SquareDot => A.PresetLineDashValues.SystemDash,
        _ => A.PresetLineDashValues.Solid,
    };

    /// <summary>"fill #1F4E79 (30% transparent), outline accent2 2 pt dash".</summary>
    private string Describe()
    {
        var parts = new List<string>();
        var transparent = FillTransparency is > 0 ? $" ({DrawingColor.Percent(FillTransparency.Value)} transparent)" : "";
        if (Gradient is not null)
        {
            parts.Add($"gradient fill {Gradient.Describe()}{transparent}");
        }
        else if (FillColor is not null)
        {
            parts.Add(DrawingColor.IsNone(FillColor) ? "no fill" : $"fill {DrawingColor.Parse(FillColor)}{transparent}");
        }

        if (LineColor is not null && DrawingColor.IsNone(LineColor))
        {
            parts.Add("no outline");
        }
        else if (LineColor is not null || LineWidth is not null || LineDash is not null)
        {
            var line = new List<string> { "outline" };
            if (LineColor is not null)
            {
                line.Add(DrawingColor.Parse(LineColor)!.Display);
            }

            if (LineWidth is { } width)
            {
                line.Add($"{width.ToString("0.##", CultureInfo.InvariantCulture)} pt");
            }

            if (LineDash is { } dash)
            {
                line.Add(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(dash.ToString()).Replace('_', ' '));
            }

            parts.Add(string.Join(" ", line));
        }

        return string.Join(", ", parts);
    }
}
