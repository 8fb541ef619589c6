using Officina.PowerPoint.Operations;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Deck;

/// <summary>DrawingML fills as PowerPoint writes them: solid, linear gradient, none, stretched picture.</summary>
public static class DrawingFill
{
    /// <summary>Angles in DrawingML are 60,000ths of a degree.</summary>
    public const int AngleUnit = 60000;

    /// <summary>Degrees normalised to 0 ≤ a &lt; 360, in DrawingML units.</summary>
    public static int Angle(double degrees)
    {
        var normal = degrees % 360;
        if (normal < 0)
        {
            normal += 360;
        }

        return (int)Math.Round(normal * AngleUnit) % (360 * AngleUnit);
    }

    /// <summary><c>a:gradFill</c>: the stops (evenly spread when they have no positions) along a straight line at the gradient's angle.</summary>
    public static A.GradientFill Linear(Gradient gradient, double? transparency = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        var stops = new A.GradientStopList();
        for (var i = 0; i < gradient.Stops.Length; i++)
        {
            var stop = gradient.Stops[i];
            var position = stop.Position ?? 100.0 * i / (gradient.Stops.Length - 1);
            stops.AppendChild(new A.GradientStop(DrawingColor.Parse(stop.Color)!.Element(transparency)) { Position = (int)Math.Round(position * 1000) });
        }

        return new A.GradientFill(stops, new A.LinearGradientFill { Angle = Angle(gradient.Angle ?? 90), Scaled = false }) { RotateWithShape = true };
    }

    /// <summary><c>a:blipFill</c> of the image behind <paramref name="relationshipId"/>, stretched over the whole area.</summary>
    public static A.BlipFill Picture(string relationshipId) =>
        new(new A.Blip { Embed = relationshipId }, new A.SourceRectangle(), new A.Stretch(new A.FillRectangle())) { Dpi = 0, RotateWithShape = true };
}
