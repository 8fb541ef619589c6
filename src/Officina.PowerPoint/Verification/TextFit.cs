using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Verification;

/// <summary>
/// Estimates whether a shape's text fits its box, without a layout engine. The heuristic:
/// each paragraph's font size is the first of its runs' <c>sz</c>, the shape's list style, the
/// layout and master placeholder's list style, the master's title/body/other text style for
/// its level, and 18 pt; a <c>normAutofit fontScale</c> scales it. A character is taken as
/// 0.5 em wide (Calibri and Arial average 0.45–0.5 em for mixed text), so a paragraph takes
/// ceil(chars × 0.5 × size / usable width) lines, where the usable width is the box minus its
/// insets (0.1 in left and right by default) and the level's indent (0.5 in per level below
/// the first). A line is 1.2 × size × line spacing (90% in the Office theme) tall, plus the
/// paragraph's space before. The text overflows when the total passes the box height minus
/// the insets by more than 5%. A paragraph's own line spacing and space before and after
/// (<c>a:lnSpc</c>, <c>a:spcBef</c>, <c>a:spcAft</c>, as format_text writes them) replace the
/// defaults. Shapes that grow to fit their text (<c>spAutoFit</c>) and
/// boxes without a known size are not judged.
/// </summary>
public static class TextFit
{
    public const double CharacterWidthEm = 0.5;
    public const double LineHeightEm = 1.2;
    public const double Tolerance = 1.05;

    /// <summary>The estimated text height and the usable height in points, or null when the shape is not judged.</summary>
    public static (double Needed, double Available, int Lines)? Estimate(SlidePart slide, OpenXmlElement shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (ShapeText.Body(shape) is not { } body || SlideShapes.Geometry(slide, shape) is not { } box || box.Width <= 0 || box.Height <= 0)
        {
            return null;
        }

        var paragraphs = body.Elements<A.Paragraph>().ToList();
        if (paragraphs.All(p => ShapeText.Of(p).Length == 0))
        {
            return null;
        }

        var bodyProperties = body.BodyProperties;
        if (bodyProperties?.GetFirstChild<A.ShapeAutoFit>() is not null)
        {
            return null;
        }

        var scale = (bodyProperties?.GetFirstChild<A.NormalAutoFit>()?.FontScale?.Value ?? 100_000) / 100_000.0;
        var spacingScale = 1 - (bodyProperties?.GetFirstChild<A.NormalAutoFit>()?.LineSpaceReduction?.Value ?? 0) / 100_000.0;
        var insetX = ((bodyProperties?.LeftInset?.Value ?? 91440) + (bodyProperties?.RightInset?.Value ?? 91440)) / 12700.0;
        var insetY = ((bodyProperties?.TopInset?.Value ?? 45720) + (bodyProperties?.BottomInset?.Value ?? 45720)) / 12700.0;
        var width = box.Width / 12700.0 - insetX;
        var available = box.Height / 12700.0 - insetY;
        var needed = 0.0;
        var lines = 0;
        var first = true;
        foreach (var paragraph in paragraphs)
        {
            var level = ShapeText.LevelOf(paragraph);
            var size = FontSize(slide, shape, paragraph, level) * scale;
            var text = ShapeText.Of(paragraph);
            var usable = Math.Max(width - (level - 1) * 36 - (IsBody(shape) ? 18 : 0), size);
            var count = text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Length * CharacterWidthEm * size / usable)));
            lines += count;
            var own = paragraph.ParagraphProperties;
            var lineHeight = own?.LineSpacing?.SpacingPoints?.Val?.Value is { } exact
                ? exact / 100.0
                : LineHeightEm * size * (own?.LineSpacing?.SpacingPercent?.Val?.Value / 100_000.0 ?? LineSpacing(slide, shape, level));
            var before = own?.SpaceBefore is { } spaceBefore ? Spacing(spaceBefore, size) : first ? 0 : SpaceBefore(shape, level, size);
            needed += count * lineHeight * spacingScale + before + (own?.SpaceAfter is { } spaceAfter ? Spacing(spaceAfter, size) : 0);
            first = false;
        }

        return (needed, available, lines);
    }

    /// <summary>Space before or after a paragraph in points: its own points, or a percentage of a line.</summary>
    private static double Spacing(OpenXmlCompositeElement spacing, double size) =>
        spacing.GetFirstChild<A.SpacingPoints>()?.Val?.Value is { } points ? points / 100.0
            : spacing.GetFirstChild<A.SpacingPercent>()?.Val?.Value is { } percent ? percent / 100_000.0 * LineHeightEm * size
            : 0;

    public static bool Overflows((double Needed, double Available, int Lines) estimate) => estimate.Needed > estimate.Available * Tolerance;

    private static bool IsBody(OpenXmlElement shape) => SlideShapes.PlaceholderType(shape) is "body" or "obj";

    private static double LineSpacing(SlidePart slide, OpenXmlElement shape, int level) =>
        SlideShapes.Placeholder(shape) is null ? 1.0 : SlideShapes.IsTitle(shape) || IsBody(shape) ? 0.9 : 1.0;

    private static double SpaceBefore(OpenXmlElement shape, int level, double size) => IsBody(shape) ? (level == 1 ? 10 : 5) * size / 28 : 0;

    /// <summary>The font size in points a paragraph's text is drawn at, following the inheritance described on the class.</summary>
    public static double FontSize(SlidePart slide, OpenXmlElement shape, A.Paragraph paragraph, int level)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var own = paragraph.Elements<A.Run>().Select(r => r.RunProperties?.FontSize?.Value).FirstOrDefault(s => s is not null)
            ?? paragraph.GetFirstChild<A.EndParagraphRunProperties>()?.FontSize?.Value;
        if (own is { } size)
        {
            return size / 100.0;
        }

        if (ListStyleSize(ShapeText.Body(shape)?.ListStyle, level) is { } fromShape)
        {
            return fromShape;
        }

        if (SlideShapes.Placeholder(shape) is { } ph && slide?.SlideLayoutPart is { } layout)
        {
            var inherited = SlideShapes.Inherited(layout.SlideLayout?.CommonSlideData?.ShapeTree, ph);
            if (inherited is not null && ListStyleSize(ShapeText.Body(inherited)?.ListStyle, level) is { } fromLayout)
            {
                return fromLayout;
            }

            var master = layout.SlideMasterPart?.SlideMaster;
            var fromMaster = SlideShapes.Inherited(master?.CommonSlideData?.ShapeTree, SlideShapes.Placeholder(inherited ?? shape) ?? ph);
            if (fromMaster is not null && ListStyleSize(ShapeText.Body(fromMaster)?.ListStyle, level) is { } masterSize)
            {
                return masterSize;
            }

            OpenXmlCompositeElement? style = SlideShapes.IsTitle(shape) ? master?.TextStyles?.TitleStyle
                : SlideShapes.PlaceholderType(shape) is "dt" or "ftr" or "sldNum" ? master?.TextStyles?.OtherStyle : master?.TextStyles?.BodyStyle;
            if (LevelSize(style, level) is { } styleSize)
            {
                return styleSize;
            }
        }

        return 18;
    }

    private static double? ListStyleSize(A.ListStyle? list, int level) => LevelSize(list, level);

    private static double? LevelSize(OpenXmlCompositeElement? list, int level)
    {
        if (list is null)
        {
            return null;
        }

        var name = $"lvl{Math.Clamp(level, 1, 9)}pPr";
        var properties = list.ChildElements.FirstOrDefault(e => e.LocalName == name);
        var size = properties?.ChildElements.OfType<A.DefaultRunProperties>().FirstOrDefault()?.FontSize?.Value;
        return size is { } s ? s / 100.0 : null;
    }
}
