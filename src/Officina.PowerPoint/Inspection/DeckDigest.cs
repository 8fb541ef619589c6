using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Inspection;

/// <summary>
/// A compact text digest of a deck for a model to plan from, within a token budget (o200k):
/// slide size, layouts available, then each slide with its layout, title, shapes (id, name,
/// kind, position and size in points, a text excerpt) and notes. When the text is over budget
/// it is rendered again with shorter excerpts, then titles only; as a last resort it is cut.
/// </summary>
public static class DeckDigest
{
    private sealed record Level(int Excerpt, bool Shapes, bool Geometry, bool Notes);

    private static readonly Level[] Levels =
    [
        new(300, true, true, true),
        new(120, true, true, true),
        new(60, true, false, true),
        new(30, true, false, false),
        new(40, false, false, false),
    ];

    public static string Create(DeckSession deck, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 100);
        var text = "";
        foreach (var level in Levels)
        {
            text = Render(deck, level);
            if (TokenCounter.Count(text) <= tokenBudget)
            {
                return text;
            }
        }

        const string cut = "\n… (digest cut to fit the token budget)";
        return TokenCounter.Truncate(text, tokenBudget - TokenCounter.Count(cut) - 1).TrimEnd() + cut;
    }

    private static string Render(DeckSession deck, Level level)
    {
        var text = new StringBuilder();
        var (width, height) = deck.SlideSize;
        var slides = deck.Slides;
        text.AppendLine(CultureInfo.InvariantCulture, $"Deck: {slides.Count} slide(s), {Points(width)} × {Points(height)} pt.");
        text.AppendLine("Layouts: " + string.Join(", ", deck.Layouts.Select(l => $"'{DeckSession.LayoutName(l)}'")));
        if (deck.SourceNames.Count > 0)
        {
            text.AppendLine("Sources for add_image: " + string.Join(", ", deck.SourceNames.Select(s => $"'{s}'")));
        }

        for (var i = 0; i < slides.Count; i++)
        {
            AppendSlide(text, slides[i], i + 1, level);
        }

        return text.ToString();
    }

    private static void AppendSlide(StringBuilder text, SlidePart slide, int position, Level level)
    {
        var layout = slide.SlideLayoutPart is { } l ? DeckSession.LayoutName(l) : "?";
        var title = SlideShapes.All(slide).FirstOrDefault(SlideShapes.IsTitle) is { } t ? ShapeText.Text(t) : null;
        text.AppendLine(CultureInfo.InvariantCulture, $"Slide {position} (layout '{layout}'){(title is { Length: > 0 } ? $": {Excerpt(title, level.Excerpt)}" : "")}");
        if (level.Shapes)
        {
            foreach (var shape in SlideShapes.All(slide))
            {
                var line = new StringBuilder($"  - shape {SlideShapes.Id(shape)} '{SlideShapes.Name(shape)}' {SlideShapes.Kind(shape)}");
                if (level.Geometry && SlideShapes.Geometry(slide, shape) is { } box)
                {
                    line.Append(CultureInfo.InvariantCulture, $" at {Points(box.X)},{Points(box.Y)} size {Points(box.Width)}×{Points(box.Height)}");
                }

                var content = ShapeText.Text(shape);
                if (content.Length > 0)
                {
                    line.Append(": ").Append(Excerpt(content, level.Excerpt));
                }
                else if (SlideShapes.Placeholder(shape) is not null && SlideShapes.Kind(shape) != "footer")
                {
                    line.Append(" (empty placeholder)");
                }

                text.AppendLine(line.ToString());
            }
        }

        if (level.Notes && SlideNotes.Text(slide) is { Length: > 0 } notes)
        {
            text.AppendLine("  notes: " + Excerpt(notes, level.Excerpt));
        }
    }

    private static string Points(long emu) => (emu / 12700.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Excerpt(string text, int length)
    {
        var flat = text.Replace("\n", " / ", StringComparison.Ordinal);
        return flat.Length <= length ? $"\"{flat}\"" : $"\"{flat[..length]}…\" ({text.Length} chars)";
    }
}
