using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.PowerPoint.Operations;
using Officina.PowerPoint.Verification;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>Character formatting to set; null leaves a property as it is.</summary>
public sealed record CharacterFormat(
    string? Font = null, double? Size = null, DrawingColor? Color = null, bool? Bold = null, bool? Italic = null,
    bool? Underline = null, bool? Strike = null, string? Highlight = null)
{
    public bool IsEmpty => this == new CharacterFormat();
}

/// <summary>How a paragraph's list marker looks.</summary>
public enum ListMarker
{
    None,
    Bullet,
    Number,
}

/// <summary>Paragraph formatting to set; null leaves a property as it is. Level is 1-based.</summary>
public sealed record ParagraphFormat(
    A.TextAlignmentTypeValues? Alignment = null, double? LineSpacing = null, double? SpaceBefore = null, double? SpaceAfter = null,
    ListMarker? Marker = null, int? Level = null)
{
    public bool IsEmpty => this == new ParagraphFormat();
}

/// <summary>
/// Writes character, paragraph and text-frame formatting into DrawingML the way PowerPoint
/// does: attributes on <c>a:rPr</c>/<c>a:pPr</c>/<c>a:bodyPr</c> and children in schema order.
/// </summary>
public static class TextFormatting
{
    /// <summary>Indent per list level and the hanging indent of a bullet and a number, in EMU (PowerPoint's defaults).</summary>
    public const long LevelIndent = 457200;
    public const long BulletHang = 285750;
    public const long NumberHang = 342900;

    /// <summary>Sets <paramref name="format"/> on character properties (<c>a:rPr</c>, <c>a:endParaRPr</c>).</summary>
    public static void Apply(A.TextCharacterPropertiesType properties, CharacterFormat format)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(format);
        if (format.Bold is { } bold)
        {
            properties.Bold = bold;
        }

        if (format.Italic is { } italic)
        {
            properties.Italic = italic;
        }

        if (format.Underline is { } underline)
        {
            properties.Underline = underline ? A.TextUnderlineValues.Single : A.TextUnderlineValues.None;
        }

        if (format.Strike is { } strike)
        {
            properties.Strike = strike ? A.TextStrikeValues.SingleStrike : A.TextStrikeValues.NoStrike;
        }

        if (format.Size is { } size)
        {
            properties.FontSize = (int)Math.Round(size * 100);
        }

        if (format.Color is { } color)
        {
            SchemaOrder.Set(properties, SchemaOrder.CharacterProperties, color.Fill());
        }

        if (format.Highlight is { } highlight)
        {
            if (DrawingColor.IsNone(highlight))
            {
                SchemaOrder.Remove(properties, SchemaOrder.CharacterProperties, "highlight");
            }
            else
            {
                SchemaOrder.Set(properties, SchemaOrder.CharacterProperties, new A.Highlight(DrawingColor.Parse(highlight)!.Element()));
            }
        }

        if (format.Font is { } font)
        {
            // A theme font reference (+mj-lt, +mn-lt) has its own complex-script twin (+mj-cs, +mn-cs).
            var name = font.Trim();
            var theme = name is ['+', 'm', 'j' or 'n', '-', 'l', 't'];
            SchemaOrder.Set(properties, SchemaOrder.CharacterProperties, new A.LatinFont { Typeface = name });
            SchemaOrder.Set(properties, SchemaOrder.CharacterProperties, new A.ComplexScriptFont { Typeface = theme ? name[..4] + "cs" : name });
        }
    }

    /// <summary>The character properties of a run, created (as PowerPoint writes them, with a language) when it has none.</summary>
    public static A.RunProperties PropertiesOf(A.Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.RunProperties ??= new A.RunProperties { Language = "en-US" };
    }

    /// <summary>
    /// Sets <paramref name="format"/> on a paragraph's <c>a:pPr</c>. <paramref name="listStyleIndents"/>
    /// is true in body placeholders, whose list styles indent each level and hang bullets; elsewhere
    /// (text boxes, shapes, titles) the indent of levels and markers is written on the paragraph.
    /// </summary>
    public static void Apply(A.Paragraph paragraph, ParagraphFormat format, bool listStyleIndents)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(format);
        var properties = paragraph.ParagraphProperties ??= new A.ParagraphProperties();
        if (format.Alignment is { } alignment)
        {
            properties.Alignment = alignment;
        }

        if (format.LineSpacing is { } lines)
        {
            SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties,
                new A.LineSpacing(new A.SpacingPercent { Val = (int)Math.Round(lines * 100_000) }));
        }

        if (format.SpaceBefore is { } before)
        {
            SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties, new A.SpaceBefore(new A.SpacingPoints { Val = (int)Math.Round(before * 100) }));
        }

        if (format.SpaceAfter is { } after)
        {
            SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties, new A.SpaceAfter(new A.SpacingPoints { Val = (int)Math.Round(after * 100) }));
        }

        if (format.Level is { } level)
        {
            properties.Level = level > 1 ? level - 1 : null;
        }

        if (format.Marker is { } marker)
        {
            SetMarker(properties, marker);
        }

        if (format.Marker is not null || format.Level is not null)
        {
            Indent(properties, listStyleIndents);
        }
    }

    private static void SetMarker(A.ParagraphProperties properties, ListMarker marker)
    {
        switch (marker)
        {
            case ListMarker.None:
                SchemaOrder.Remove(properties, SchemaOrder.ParagraphProperties, "buFont");
                SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties, new A.NoBullet());
                break;
            case ListMarker.Bullet:
                SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties, new A.BulletFont { Typeface = "Arial", Panose = "020B0604020202020204", PitchFamily = 34, CharacterSet = 0 });
                SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties, new A.CharacterBullet { Char = "•" });
                break;
            case ListMarker.Number:
                SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties, new A.BulletFont { Typeface = "+mj-lt" });
                SchemaOrder.Set(properties, SchemaOrder.ParagraphProperties, new A.AutoNumberedBullet { Type = A.TextAutoNumberSchemeValues.ArabicPeriod });
                break;
        }
    }

    /// <summary>The list marker a paragraph sets itself, or null when it inherits one.</summary>
    public static ListMarker? MarkerOf(A.ParagraphProperties? properties) =>
        properties is null ? null
            : properties.GetFirstChild<A.NoBullet>() is not null ? ListMarker.None
            : properties.GetFirstChild<A.AutoNumberedBullet>() is not null ? ListMarker.Number
            : properties.GetFirstChild<A.CharacterBullet>() is not null || properties.GetFirstChild<A.PictureBullet>() is not null ? ListMarker.Bullet
            : null;

    private static void Indent(A.ParagraphProperties properties, bool listStyleIndents)
    {
        var level = properties.Level?.Value ?? 0;
        var marker = MarkerOf(properties);
        if (listStyleIndents && marker is not ListMarker.None)
        {
            // The placeholder's list style indents each level and hangs its bullet.
            properties.LeftMargin = null;
            properties.Indent = null;
            return;
        }

        var hang = marker switch
        {
            ListMarker.Bullet => BulletHang,
            ListMarker.Number => NumberHang,
            _ => 0,
        };
        properties.LeftMargin = (int)(level * LevelIndent + hang);
        properties.Indent = (int)-hang;
    }

    /// <summary>
    /// Text that overflows: nothing (<c>noAutofit</c>), shrink it (<c>normAutofit</c>, with the
    /// font scale and line-spacing reduction PowerPoint would choose, estimated by <see cref="TextFit"/>,
    /// since PowerPoint recomputes them only when the text is next edited), or grow the shape
    /// (<c>spAutoFit</c>; the shape's height grows to the estimate when the text needs more).
    /// </summary>
    public static void Autofit(SlidePart slide, P.Shape shape, TextAutofit mode)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var body = shape.TextBody!.BodyProperties ??= new A.BodyProperties();
        switch (mode)
        {
            case TextAutofit.None:
                SchemaOrder.Set(body, SchemaOrder.BodyProperties, new A.NoAutoFit());
                break;
            case TextAutofit.ShrinkText:
                var fit = SchemaOrder.Set(body, SchemaOrder.BodyProperties, new A.NormalAutoFit());
                foreach (var (scale, reduction) in ShrinkSteps)
                {
                    fit.FontScale = scale == 100_000 ? null : scale;
                    fit.LineSpaceReduction = reduction == 0 ? null : reduction;
                    if (TextFit.Estimate(slide, shape) is not { } estimate || !TextFit.Overflows(estimate))
                    {
                        break;
                    }
                }

                break;
            case TextAutofit.ResizeShape:
                SchemaOrder.Set(body, SchemaOrder.BodyProperties, new A.NoAutoFit());
                var needed = TextFit.Estimate(slide, shape);
                SchemaOrder.Set(body, SchemaOrder.BodyProperties, new A.ShapeAutoFit());
                if (needed is { } n && n.Needed > n.Available && SlideShapes.OwnTransform(shape)?.Extents is { } extents)
                {
                    extents.Cy = (extents.Cy?.Value ?? 0) + Placement.Emu(n.Needed - n.Available);
                }

                break;
        }
    }

    /// <summary>The steps PowerPoint shrinks text by: font scale and line-spacing reduction in 1,000ths of a percent.</summary>
    private static readonly (int Scale, int Reduction)[] ShrinkSteps =
    [
        (100_000, 0), (92_500, 10_000), (85_000, 20_000), (77_500, 20_000), (70_000, 20_000), (62_500, 20_000),
        (55_000, 20_000), (47_500, 20_000), (40_000, 20_000), (32_500, 20_000), (25_000, 20_000),
    ];

    /// <summary>Whether paragraphs of <paramref name="shape"/> take their level indents from a list style (body and content placeholders).</summary>
    public static bool UsesListStyleIndents(OpenXmlElement shape) => SlideShapes.PlaceholderType(shape) is "body" or "obj";
}
