using System.ComponentModel;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Replaces text on every slide or one slide: in placeholders, text boxes, shapes, groups and
/// table cells. A match may span runs (PowerPoint splits text into runs at every formatting or
/// spell-check boundary); the replacement takes the formatting of the run where the match starts.
/// </summary>
[Operation("replace_text", "Replace text on all slides or one, across runs, keeping formatting.")]
public sealed record ReplaceText(
    [property: Description("Text to find (within one paragraph)")] string Find,
    [property: Description("Replacement text; \"\" deletes the matches")] string Replace,
    [property: Description("Slide position, 1-based; null for every slide")] int? Slide = null,
    [property: Description("Match upper and lower case exactly (default true)")] bool? MatchCase = null)
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
        if (string.IsNullOrEmpty(Find))
        {
            errors.Add(new("find", "find_required", "find must be at least one character. Given: an empty string."));
            return errors;
        }

        if (Find.Contains('\n', StringComparison.Ordinal))
        {
            errors.Add(new("find", "find_one_paragraph", "find must lie within one paragraph (no line breaks); use set_text to rewrite whole shapes."));
        }

        if (Replace is null)
        {
            errors.Add(new("replace", "replace_required", "replace is required (\"\" deletes the matches). Given: null."));
        }

        if (Slide is { } position && !session.TryResolveSlide(position, "slide", errors, out _))
        {
            return errors;
        }

        if (errors.Count == 0 && !Paragraphs(session).Any(p =>
            {
                session.Cancellation.ThrowIfCancellationRequested();
                return TextReplacement.Count(p, Find, Comparison) > 0;
            }))
        {
            errors.Add(new("find", "text_found", $"'{Find}' does not occur on {(Slide is { } s ? $"slide {s}" : "any slide")}{(MatchCase == false ? "" : " (matching case)")}."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var count = 0;
        var slides = new SortedSet<int>();
        foreach (var (position, slide) in Slides(session))
        {
            foreach (var paragraph in slide.Slide.Descendants<A.Paragraph>().ToList())
            {
                session.Cancellation.ThrowIfCancellationRequested();
                var replaced = TextReplacement.Replace(paragraph, Find, Replace, Comparison);
                if (replaced > 0)
                {
                    count += replaced;
                    slides.Add(position);
                }
            }
        }

        return new Change("replace_text", Slide is { } s ? $"slide {s}" : "deck",
            $"Replaced {count} occurrence(s) of '{Find}' with '{Replace}' on slide(s) {string.Join(", ", slides)}", count);
    }

    private StringComparison Comparison => MatchCase == false ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private IEnumerable<(int Position, SlidePart Slide)> Slides(DeckSession session) =>
        Slide is { } one ? [(one, session.SlideAt(one)!)] : session.Slides.Select((s, i) => (i + 1, s));

    private IEnumerable<A.Paragraph> Paragraphs(DeckSession session) =>
        Slides(session).SelectMany(s => s.Slide.Slide?.Descendants<A.Paragraph>() ?? []);
}
