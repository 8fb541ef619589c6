using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Formats text: a whole shape (placeholder, text box, shape, table, group), some of its
/// paragraphs, or only the occurrences of <see cref="Match"/> in a shape, on a slide or in the
/// whole deck (runs are split at the edges of each occurrence, so the rest keeps its formatting).
/// Character properties (font, size, colour, bold, italic, underline, strike, highlight) go on
/// the runs; paragraph properties (alignment, spacing, bullets, level) on the paragraphs
/// targeted or holding a match; frame properties (autofit, vertical alignment, word wrap) on
/// the shapes holding them. Properties left null are not changed.
/// </summary>
[Operation("format_text", "Format text in a shape, its paragraphs or matched text: font, size, colour, bold, alignment, bullets…")]
public sealed record FormatText(
    [property: Description("Slide position, 1-based; null with match (and no shape) for every slide")] int? Slide = null,
    [property: Description("Shape id or name from read_slide; null with match for every shape on the slide(s)")] string? Shape = null,
    [property: Description("1-based positions of the shape's paragraphs (its lines in read_slide; table cells row by row); null for all")] int[]? Paragraphs = null,
    [property: Description("Only this text (every occurrence, within a paragraph); null formats whole paragraphs")] string? Match = null,
    [property: Description("Match upper and lower case exactly (default true)")] bool? MatchCase = null,
    [property: Description("Font name, e.g. 'Arial'; '+mj-lt' / '+mn-lt' for the theme's heading / body font")] string? Font = null,
    [property: Description("Font size in points (1 to 4000)")] double? Size = null,
    [property: Description("Text colour: #RRGGBB or a theme colour (accent1…accent6, text1, text2, background1, background2, hyperlink)")] string? Color = null,
    [property: Description("Bold on (true) or off (false)")] bool? Bold = null,
    [property: Description("Italic on or off")] bool? Italic = null,
    [property: Description("Single underline on or off")] bool? Underline = null,
    [property: Description("Strikethrough on or off")] bool? Strike = null,
    [property: Description("Highlight (marker) colour behind the text, as color; 'none' removes it")] string? Highlight = null,
    [property: Description("Paragraph alignment")] TextAlignment? Alignment = null,
    [property: Description("Line spacing as a multiple of single spacing, e.g. 1.5 (0.5 to 10)")] double? LineSpacing = null,
    [property: Description("Space before each paragraph in points (0 to 1584)")] double? SpaceBefore = null,
    [property: Description("Space after each paragraph in points (0 to 1584)")] double? SpaceAfter = null,
    [property: Description("none removes bullets, bullet adds •, numbered numbers the paragraphs 1. 2. 3.")] BulletStyle? Bullets = null,
    [property: Description("List (indent) level from 1 (top) to 9")] int? Level = null,
    [property: Description("Text that does not fit: none (overflows), shrink_text (smaller font) or resize_shape (taller shape)")] TextAutofit? Autofit = null,
    [property: Description("Where the text sits in its shape: top, middle or bottom")] TextAnchor? VerticalAlignment = null,
    [property: Description("Wrap lines at the shape's width (true) or keep each paragraph on one line (false)")] bool? WordWrap = null)
    : WriteOperation<DeckSession>
{
    public const double MaxSize = 4000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        CheckValues(errors);
        if (Shape is null && Match is null)
        {
            errors.Add(new("shape", "target_required", "Give a shape, a match (text to find), or both."));
            return errors;
        }

        if (Shape is not null && Slide is null)
        {
            errors.Add(new("slide", "slide_required", $"slide is required with shape '{Shape}'."));
            return errors;
        }

        if (Paragraphs is not null && Shape is null)
        {
            errors.Add(new("paragraphs", "shape_required", "paragraphs counts within a shape; give the shape too."));
        }

        if (Slide is { } position && !session.TryResolveSlide(position, "slide", errors, out _))
        {
            return errors;
        }

        if (Shape is not null)
        {
            if (!session.TryResolveShape(Slide!.Value, Shape, errors, out _, out var shape))
            {
                return errors;
            }

            var count = shape.Descendants<A.Paragraph>().Count();
            if (count == 0)
            {
                errors.Add(new("shape", "shape_has_text", $"Shape '{Shape}' is a {SlideShapes.Kind(shape)}, which holds no text; choose a placeholder, text box, shape or table."));
                return errors;
            }

            for (var i = 0; i < (Paragraphs?.Length ?? 0); i++)
            {
                if (Paragraphs![i] < 1 || Paragraphs[i] > count)
                {
                    errors.Add(new($"paragraphs[{i}]", "paragraph_exists", $"Shape '{Shape}' has {count} paragraph(s), numbered from 1. Given: {Paragraphs[i]}."));
                }
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var targets = Targets(session);
        if (Match is not null && targets.Sum(t => TextRuns.Count(t.Paragraph, Match, Comparison)) == 0)
        {
            var where = Shape is not null ? $"shape '{Shape}' on slide {Slide}" : Slide is { } s ? $"slide {s}" : "any slide";
            errors.Add(new("match", "text_found", $"'{Match}' does not occur in {where}{(MatchCase == false ? "" : " (matching case)")}."));
        }
        else if (HasFrameFormat && !targets.Any(t => t.Owner is not null))
        {
            errors.Add(new("autofit", "text_frame", "autofit, vertical_alignment and word_wrap apply to placeholders, text boxes and shapes; the target is table text. Use them on a shape."));
        }

        return errors;
    }

    private void CheckValues(List<OperationError> errors)
    {
        if (Characters.IsEmpty && Paragraph.IsEmpty && !HasFrameFormat)
        {
            errors.Add(new("$", "format_required", "Set at least one of font, size, color, bold, italic, underline, strike, highlight, alignment, line_spacing, space_before, space_after, bullets, level, autofit, vertical_alignment, word_wrap."));
        }

        if (Match is { Length: 0 })
        {
            errors.Add(new("match", "text_required", "match must not be empty (use null to format whole paragraphs)."));
        }
        else if (Match?.Contains('\n', StringComparison.Ordinal) == true)
        {
            errors.Add(new("match", "match_one_paragraph", "match must lie within one paragraph (no line breaks); format whole paragraphs with paragraphs instead."));
        }

        if (Font is { } font && string.IsNullOrWhiteSpace(font))
        {
            errors.Add(new("font", "font", "font must name a font, e.g. 'Arial'. Given: an empty string."));
        }

        Range(errors, "size", Size, 1, MaxSize, "points");
        Range(errors, "line_spacing", LineSpacing, 0.5, 10, "times single spacing");
        Range(errors, "space_before", SpaceBefore, 0, 1584, "points");
        Range(errors, "space_after", SpaceAfter, 0, 1584, "points");
        DrawingColor.Check(Color, "color", false, errors);
        DrawingColor.Check(Highlight, "highlight", true, errors);
        if (Level is { } level && level is < 1 or > TextParagraph.MaxLevel)
        {
            errors.Add(new("level", "level_range", $"level must be between 1 and {TextParagraph.MaxLevel}. Given: {level}."));
        }
    }

    private static void Range(List<OperationError> errors, string name, double? value, double min, double max, string unit)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            errors.Add(new(name, name, $"{name} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} {unit}. Given: {v.ToString(CultureInfo.InvariantCulture)}."));
        }
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var targets = Targets(session);
        var characters = Characters;
        var paragraph = Paragraph;
        var count = 0;
        var touched = new List<(int Slide, A.Paragraph Paragraph, P.Shape? Owner)>();
        foreach (var target in targets)
        {
            var runs = Match is null ? WholeParagraph(target.Paragraph) : [.. TextRuns.Isolate(target.Paragraph, Match, Comparison).Select(TextFormatting.PropertiesOf)];
            if (Match is not null && runs.Count == 0)
            {
                continue;
            }

            count += Match is null ? 1 : TextRuns.Count(target.Paragraph, Match, Comparison);
            touched.Add((target.Slide, target.Paragraph, target.Owner));
            if (!characters.IsEmpty)
            {
                foreach (var properties in runs)
                {
                    TextFormatting.Apply(properties, characters);
                }
            }

            if (!paragraph.IsEmpty)
            {
                TextFormatting.Apply(target.Paragraph, paragraph, target.Owner is not null && TextFormatting.UsesListStyleIndents(target.Owner));
            }
        }

        foreach (var owner in touched.Where(t => t.Owner is not null).Select(t => (t.Slide, t.Owner!)).Distinct())
        {
            SetFrame(session.SlideAt(owner.Slide)!, owner.Item2);
        }

        var slides = touched.Select(t => t.Slide).Distinct().Order().ToList();
        if (Match is null)
        {
            var name = SlideShapes.Name(session.ResolveShape(Slide!.Value, Shape!).Shape);
            var which = Paragraphs is null ? "the text" : $"paragraph(s) {string.Join(", ", Paragraphs.Distinct().Order())}";
            return new Change("format_text", $"slide {Slide}, shape '{name}'", $"Formatted {which} of '{name}' on slide {Slide}: {Describe()}", count);
        }

        var place = Shape is not null ? $"in '{SlideShapes.Name(session.ResolveShape(Slide!.Value, Shape).Shape)}' on slide {Slide}" : $"on slide(s) {string.Join(", ", slides)}";
        return new Change("format_text", Shape is not null ? $"slide {Slide}, shape '{SlideShapes.Name(session.ResolveShape(Slide!.Value, Shape).Shape)}'" : Slide is { } s ? $"slide {s}" : "deck",
            $"Formatted {count} occurrence(s) of '{Match}' {place}: {Describe()}", count);
    }

    /// <summary>The character properties of every run, field and paragraph end in a whole paragraph.</summary>
    private static List<A.TextCharacterPropertiesType> WholeParagraph(A.Paragraph paragraph)
    {
        var properties = new List<A.TextCharacterPropertiesType>();
        foreach (var child in paragraph.ChildElements)
        {
            switch (child)
            {
                case A.Run run:
                    properties.Add(TextFormatting.PropertiesOf(run));
                    break;
                case A.Field field:
                    properties.Add(field.GetFirstChild<A.RunProperties>() ?? field.PrependChild(new A.RunProperties { Language = "en-US" }));
                    break;
                case A.EndParagraphRunProperties end:
                    properties.Add(end);
                    break;
            }
        }

        if (properties.Count == 0)
        {
            properties.Add(paragraph.AppendChild(new A.EndParagraphRunProperties { Language = "en-US" }));
        }

        return properties;
    }

    private void SetFrame(SlidePart slide, P.Shape shape)
    {
        if (!HasFrameFormat)
        {
            return;
        }

        var body = shape.TextBody!.BodyProperties ??= new A.BodyProperties();
        if (VerticalAlignment is { } anchor)
        {
            body.Anchor = anchor switch
            {
                TextAnchor.Top => A.TextAnchoringTypeValues.Top,
                TextAnchor.Middle => A.TextAnchoringTypeValues.Center,
                _ => A.TextAnchoringTypeValues.Bottom,
            };
        }

        if (WordWrap is { } wrap)
        {
            body.Wrap = wrap ? A.TextWrappingValues.Square : A.TextWrappingValues.None;
        }

        if (Autofit is { } autofit)
        {
            TextFormatting.Autofit(slide, shape, autofit);
        }
    }

    private bool HasFrameFormat => Autofit is not null || VerticalAlignment is not null || WordWrap is not null;

    private CharacterFormat Characters => new(Font, Size, Color is null ? null : DrawingColor.Parse(Color), Bold, Italic, Underline, Strike, Highlight);

    private ParagraphFormat Paragraph => new(
        Alignment switch
        {
            TextAlignment.Left => A.TextAlignmentTypeValues.Left,
            TextAlignment.Center => A.TextAlignmentTypeValues.Center,
            TextAlignment.Right => A.TextAlignmentTypeValues.Right,
            TextAlignment.Justify => A.TextAlignmentTypeValues.Justified,
            TextAlignment.Distributed => A.TextAlignmentTypeValues.Distributed,
            _ => null,
        },
        LineSpacing, SpaceBefore, SpaceAfter,
        Bullets switch
        {
            BulletStyle.None => ListMarker.None,
            BulletStyle.Bullet => ListMarker.Bullet,
            BulletStyle.Numbered => ListMarker.Number,
            _ => null,
        },
        Level);

    private StringComparison Comparison => MatchCase == false ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The paragraphs the operation reaches, each with its slide and the shape whose text frame holds it (null in tables).</summary>
    private List<(int Slide, A.Paragraph Paragraph, P.Shape? Owner)> Targets(DeckSession session)
    {
        var result = new List<(int, A.Paragraph, P.Shape?)>();
        if (Shape is not null)
        {
            var (_, shape) = session.ResolveShape(Slide!.Value, Shape);
            var paragraphs = shape.Descendants<A.Paragraph>().ToList();
            var chosen = Paragraphs is null ? paragraphs : Paragraphs.Distinct().Order().Select(i => paragraphs[i - 1]);
            result.AddRange(chosen.Select(p => (Slide.Value, p, Owner(p))));
            return result;
        }

        var slides = Slide is { } one ? [(one, session.SlideAt(one)!)] : session.Slides.Select((s, i) => (i + 1, s));
        foreach (var (position, slide) in slides)
        {
            result.AddRange((slide.Slide.CommonSlideData?.ShapeTree?.Descendants<A.Paragraph>() ?? []).Select(p => (position, p, Owner(p))));
        }

        return result;
    }

    private static P.Shape? Owner(A.Paragraph paragraph) => paragraph.Parent is P.TextBody { Parent: P.Shape shape } ? shape : null;

    /// <summary>What the operation sets, in words: "bold, 28 pt, colour accent1, centred".</summary>
    private string Describe()
    {
        var parts = new List<string>();
        void Add(bool? value, string on, string off)
        {
            if (value is { } v)
            {
                parts.Add(v ? on : off);
            }
        }

        if (Font is not null)
        {
            parts.Add($"font {Font.Trim()}");
        }

        if (Size is { } size)
        {
            parts.Add($"{size.ToString("0.#", CultureInfo.InvariantCulture)} pt");
        }

        if (Color is not null)
        {
            parts.Add($"colour {DrawingColor.Parse(Color)}");
        }

        Add(Bold, "bold", "not bold");
        Add(Italic, "italic", "not italic");
        Add(Underline, "underlined", "not underlined");
        Add(Strike, "struck through", "not struck through");
        if (Highlight is not null)
        {
            parts.Add(DrawingColor.IsNone(Highlight) ? "no highlight" : $"highlight {DrawingColor.Parse(Highlight)}");
        }

        if (Alignment is { } alignment)
        {
            parts.Add(alignment == TextAlignment.Center ? "centred" : $"aligned {alignment.ToString().ToLowerInvariant()}");
        }

        if (LineSpacing is { } lines)
        {
            parts.Add($"line spacing {lines.ToString("0.##", CultureInfo.InvariantCulture)}");
        }

        if (SpaceBefore is { } before)
        {
            parts.Add($"{before.ToString("0.#", CultureInfo.InvariantCulture)} pt before");
        }

        if (SpaceAfter is { } after)
        {
            parts.Add($"{after.ToString("0.#", CultureInfo.InvariantCulture)} pt after");
        }

        if (Bullets is { } bullets)
        {
            parts.Add(bullets switch { BulletStyle.None => "no bullets", BulletStyle.Bullet => "bulleted", _ => "numbered" });
        }

        if (Level is { } level)
        {
            parts.Add($"level {level}");
        }

        if (Autofit is { } autofit)
        {
            parts.Add(autofit switch { TextAutofit.None => "no autofit", TextAutofit.ShrinkText => "shrink text on overflow", _ => "resize shape to fit text" });
        }

        if (VerticalAlignment is { } anchor)
        {
            parts.Add($"{anchor.ToString().ToLowerInvariant()} of the shape");
        }

        Add(WordWrap, "word wrap on", "word wrap off");
        return string.Join(", ", parts);
    }
}
