using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.PowerPoint.Verification;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// The shape a reader takes for a slide's title: its title placeholder when that holds text,
/// otherwise — real decks often set titles in text boxes — the top-level text shape in the top
/// part of the slide drawn in the largest type, the higher one on a tie.
/// </summary>
public static class SlideTitle
{
    /// <summary>How far down the slide (a fraction of its height) a text box may start and still be taken for the title.</summary>
    public const double TopBand = 0.35;

    /// <summary>Longest text a text box may hold and still be taken for a title.</summary>
    public const int MaxLength = 200;

    /// <summary>The title shape and whether it is inferred (a text box, not the title placeholder); null when the slide has none.</summary>
    public static (OpenXmlCompositeElement Shape, bool Inferred)? Find(SlidePart slide, long slideHeight)
    {
        ArgumentNullException.ThrowIfNull(slide);
        if (SlideShapes.All(slide).FirstOrDefault(s => SlideShapes.IsTitle(s) && ShapeText.Text(s).Trim().Length > 0) is { } placeholder)
        {
            return (placeholder, false);
        }

        var best = SlideShapes.TopLevel(slide)
            .Where(s => s is P.Shape && SlideShapes.PlaceholderType(s) is null or "body" or "obj" or "subTitle")
            .Select(s => (Shape: s, Text: ShapeText.Text(s).Trim(), Box: SlideShapes.Geometry(slide, s)))
            .Where(c => c.Text.Length is > 0 and <= MaxLength && c.Box is { } b && b.Y < slideHeight * TopBand && b.Bottom > 0)
            .Select(c => (c.Shape, c.Box!.Value.Y, Size: Size(slide, c.Shape)))
            .OrderByDescending(c => c.Size)
            .ThenBy(c => c.Y)
            .FirstOrDefault();
        return best.Shape is null ? null : (best.Shape, true);
    }

    /// <summary>The largest font size, in points, of the shape's first paragraphs.</summary>
    private static double Size(SlidePart slide, OpenXmlCompositeElement shape) =>
        ShapeText.Body(shape)?.Elements<DocumentFormat.OpenXml.Drawing.Paragraph>().Take(3)
            .Select(p => TextFit.FontSize(slide, shape, p, ShapeText.LevelOf(p))).DefaultIfEmpty(0).Max() ?? 0;
}
