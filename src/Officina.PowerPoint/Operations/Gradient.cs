using System.ComponentModel;
using System.Globalization;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>One colour of a gradient and where it sits along it (0 = start, 100 = end).</summary>
public sealed record GradientStop(
    [property: Description("Colour: #RRGGBB or a theme colour (accent1…accent6, text1, text2, background1, background2)")] string Color,
    [property: Description("Where along the gradient, 0 to 100 %; null spreads the stops evenly")] double? Position = null);

/// <summary>A linear gradient: two to ten stops and the direction the colours run in.</summary>
public sealed record Gradient(
    [property: Description("The colours in order, 2 to 10")] GradientStop[] Stops,
    [property: Description("Direction in degrees, clockwise from left-to-right: 0 runs left to right, 90 top to bottom; null for 90")] double? Angle = null)
{
    public const int MaxStops = 10;

    /// <summary>Errors for a gradient at <paramref name="path"/>: too few or many stops, bad colours, positions out of 0–100 or out of order, a bad angle.</summary>
    public static void Check(Gradient? gradient, string path, ICollection<OperationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (gradient is null)
        {
            return;
        }

        var stops = gradient.Stops ?? [];
        if (stops.Length is < 2 or > MaxStops)
        {
            errors.Add(new($"{path}.stops", "gradient_stops", $"A gradient needs 2 to {MaxStops} stops. Given: {stops.Length}."));
        }

        double? previous = null;
        for (var i = 0; i < stops.Length; i++)
        {
            var stop = stops[i];
            if (stop is null)
            {
                errors.Add(new($"{path}.stops[{i}]", "gradient_stop", "Each stop needs a color. Given: null."));
                continue;
            }

            if (stop.Color is null)
            {
                errors.Add(new($"{path}.stops[{i}].color", "color", $"{path}.stops[{i}].color is required ({DrawingColor.Accepted})."));
            }
            else
            {
                DrawingColor.Check(stop.Color, $"{path}.stops[{i}].color", false, errors);
            }

            if (stop.Position is { } position)
            {
                if (double.IsNaN(position) || position is < 0 or > 100)
                {
                    errors.Add(new($"{path}.stops[{i}].position", "gradient_position", $"position must be between 0 and 100 (%). Given: {position.ToString(CultureInfo.InvariantCulture)}."));
                }
                else if (previous is { } p && position < p)
                {
                    errors.Add(new($"{path}.stops[{i}].position", "gradient_order", $"Stops must be in order of position; {position.ToString(CultureInfo.InvariantCulture)} comes after {p.ToString(CultureInfo.InvariantCulture)}."));
                }

                previous = position;
            }
        }

        if (stops.Any(s => s?.Position is null) && stops.Any(s => s?.Position is not null))
        {
            errors.Add(new($"{path}.stops", "gradient_position", "Give every stop a position, or none (to spread them evenly)."));
        }

        if (gradient.Angle is { } angle && (double.IsNaN(angle) || angle is < -360 or > 360))
        {
            errors.Add(new($"{path}.angle", "angle", $"angle must be between -360 and 360 degrees. Given: {angle.ToString(CultureInfo.InvariantCulture)}."));
        }
    }

    /// <summary>"#FFFFFF → accent1 at 90°", for change summaries.</summary>
    public string Describe() =>
        string.Join(" → ", Stops.Select(s => DrawingColor.Parse(s.Color)!.Display)) + $" at {(Angle ?? 90).ToString("0.#", CultureInfo.InvariantCulture)}°";
}
