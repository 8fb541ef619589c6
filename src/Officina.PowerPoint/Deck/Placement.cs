using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>Positions and sizes in points (1 pt = 12 700 EMU) and where new content goes by default.</summary>
public static class Placement
{
    public const double MaxPoints = 5000;
    public const long EmuPerPoint = 12700;

    public static long Emu(double points) => (long)Math.Round(points * EmuPerPoint);

    public static double Points(long emu) => emu / (double)EmuPerPoint;

    /// <summary>Errors for coordinates outside -MaxPoints..MaxPoints and sizes not above zero.</summary>
    public static void Check(double? x, double? y, double? width, double? height, ICollection<OperationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (name, value) in new[] { ("x", x), ("y", y) })
        {
            if (value is { } v && (double.IsNaN(v) || v < -MaxPoints || v > MaxPoints))
            {
                errors.Add(new(name, "position", $"{name} must be between {-MaxPoints} and {MaxPoints} points from the slide's top-left corner. Given: {v}."));
            }
        }

        foreach (var (name, value) in new[] { ("width", width), ("height", height) })
        {
            if (value is { } v && (double.IsNaN(v) || v <= 0 || v > MaxPoints))
            {
                errors.Add(new(name, "size", $"{name} must be more than 0 and at most {MaxPoints} points. Given: {v}."));
            }
        }
    }

    /// <summary>
    /// Where content goes when no position is given: the first empty content placeholder on the
    /// slide (which the content then replaces, as PowerPoint does), else the master's body area,
    /// else the slide less half-inch margins below a title band.
    /// </summary>
    public static (Box Area, OpenXmlCompositeElement? Placeholder) ContentArea(DeckSession deck, SlidePart slide)
    {
        ArgumentNullException.ThrowIfNull(deck);
        var empty = SlideShapes.TopLevel(slide).FirstOrDefault(s => s is P.Shape && SlideShapes.PlaceholderType(s) is "obj" or "body" or "tbl" or "chart" or "pic"
            && ShapeText.Text(s).Trim().Length == 0 && SlideShapes.Geometry(slide, s) is not null);
        if (empty is not null)
        {
            return (SlideShapes.Geometry(slide, empty)!.Value, empty);
        }

        var master = slide?.SlideLayoutPart?.SlideMasterPart?.SlideMaster?.CommonSlideData?.ShapeTree;
        var body = SlideShapes.All(master).FirstOrDefault(s => SlideShapes.PlaceholderType(s) is "body" or "obj");
        if (body is not null && SlideShapes.OwnTransform(body) is { Offset: { } o, Extents: { } e })
        {
            return (new Box(o.X?.Value ?? 0, o.Y?.Value ?? 0, e.Cx?.Value ?? 0, e.Cy?.Value ?? 0), null);
        }

        var (width, height) = deck.SlideSize;
        var margin = Emu(36);
        return (new Box(margin, height / 4, width - 2 * margin, height * 3 / 4 - margin), null);
    }

    /// <summary>The box from the given points, each missing value taken from <paramref name="area"/>.</summary>
    public static Box Resolve(Box area, double? x, double? y, double? width, double? height) =>
        new(x is { } px ? Emu(px) : area.X, y is { } py ? Emu(py) : area.Y, width is { } w ? Emu(w) : area.Width, height is { } h ? Emu(h) : area.Height);

    /// <summary>Removes an empty placeholder that new content took the place of.</summary>
    public static void Replace(OpenXmlCompositeElement? placeholder) => placeholder?.Remove();
}
