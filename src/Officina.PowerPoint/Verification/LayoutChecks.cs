using System.Globalization;

using Officina.Operations;
using Officina.PowerPoint.Deck;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Verification;

/// <summary>
/// Layout checks a person would make looking at the slides: text overflowing its box (see
/// <see cref="TextFit"/>), shapes off the slide, placeholders left empty or still holding
/// their prompt text ("Click to add title"), and template text left in any shape or table
/// (<c>{{quarter}}</c>, "[Insert name]", Lorem ipsum: <see cref="TemplatePrompts"/>).
/// </summary>
public static class LayoutChecks
{
    /// <summary>Points a shape may poke past the slide edge before it is reported (rounding, hairline borders).</summary>
    public const double EdgeTolerance = 1.0;

    private static readonly string[] Prompts = ["click to add", "click to edit", "click icon to add"];

    public static IReadOnlyList<Finding> Check(DeckSession deck, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deck);
        var findings = new List<Finding>();
        var position = 0;
        foreach (var slide in deck.Slides)
        {
            cancellationToken.ThrowIfCancellationRequested();
            findings.AddRange(Check(deck, slide, ++position));
        }

        return findings;
    }

    /// <summary>The findings of one slide, located as <c>slide {position}</c>.</summary>
    public static IReadOnlyList<Finding> Check(DeckSession deck, DocumentFormat.OpenXml.Packaging.SlidePart slide, int position)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(slide);
        var findings = new List<Finding>();
        var location = $"slide {position}";
        foreach (var shape in SlideShapes.TopLevel(slide))
        {
            var name = SlideShapes.Name(shape);
            var text = ShapeText.Text(shape).Trim();
            if (SlideShapes.Placeholder(shape) is not null && shape is P.Shape && SlideShapes.PlaceholderType(shape) is not ("dt" or "ftr" or "sldNum" or "hdr"))
            {
                if (text.Length == 0)
                {
                    findings.Add(new(FindingSeverity.Warning, "empty_placeholder", location,
                        $"placeholder '{name}' is empty: PowerPoint shows its prompt (\"Click to add …\") while editing; fill it with set_text or remove it with delete_shape"));
                    continue;
                }
            }

            if (Prompts.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(new(FindingSeverity.Warning, "placeholder_text", location, $"shape '{name}' still holds prompt text \"{Excerpt(text)}\""));
            }

            if (SlideShapes.Geometry(slide, shape) is { } box && SlideShapes.Overhang(box, deck.SlideSize, EdgeTolerance) is { Count: > 0 } edges)
            {
                var outside = SlideShapes.EntirelyOff(box, deck.SlideSize);
                findings.Add(new(outside ? FindingSeverity.Error : FindingSeverity.Warning, "off_slide", location,
                    outside ? $"shape '{name}' is entirely off the slide ({string.Join(", ", edges)})" : $"shape '{name}' runs off the slide: {string.Join(", ", edges)}"));
            }

            if (TextFit.Estimate(slide, shape) is { } estimate && TextFit.Overflows(estimate))
            {
                findings.Add(new(FindingSeverity.Warning, "text_overflow", location,
                    string.Create(CultureInfo.InvariantCulture,
                        $"text overflows shape '{name}': about {estimate.Lines} line(s) need {estimate.Needed:0} pt but the box holds {estimate.Available:0} pt; shorten the text, split the slide, or enlarge the shape")));
            }
        }

        foreach (var shape in SlideShapes.All(slide).Where(s => s is not P.GroupShape))
        {
            var text = ShapeText.Text(shape);
            if (TemplatePrompts.Find(text) is { } prompt && !Prompts.Any(p => text.TrimStart().StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(new(FindingSeverity.Warning, "placeholder_text", location,
                    $"{(SlideShapes.Kind(shape) == "table" ? "table" : "shape")} '{SlideShapes.Name(shape)}' still holds template text \"{prompt}\": fill it (replace_text) or remove it"));
            }
        }

        return findings;
    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";

}
