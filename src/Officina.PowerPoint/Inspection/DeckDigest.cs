using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Inspection;

/// <summary>
/// A compact text digest of a deck for a model to plan from, within a token budget (o200k):
/// slide size, the layouts available, then each slide with its layout and title (the title
/// placeholder, or the text box a reader takes for the title — see <see cref="SlideTitle"/>),
/// its shapes (id, name, kind, position and size in points on the slide, a text excerpt; group
/// members indented under their group), tables (size and first rows), pictures (alt text),
/// charts (type, series, title), shapes off the slide, and the notes.
/// </summary>
/// <remarks>
/// The budget is shared out slide by slide: every slide first gets one line (its title and
/// title shape), then all slides are raised a level of detail at a time, in order, while the
/// budget allows. So a long deck keeps every slide's title and as much of each slide as fits,
/// rather than dropping to titles only for all.
/// </remarks>
public static class DeckDigest
{
    /// <summary>One level of detail: excerpt length, shapes listed, geometry shown, table rows shown, notes shown, a one-line summary.</summary>
    private sealed record Level(int Excerpt, bool Shapes, bool Geometry, int TableRows, bool Notes, bool Summary);

    /// <summary>From the fullest to the briefest.</summary>
    private static readonly Level[] Levels =
    [
        new(300, true, true, 3, true, false),
        new(120, true, true, 2, true, false),
        new(60, true, false, 1, true, false),
        new(30, true, false, 0, false, false),
        new(80, false, false, 0, false, true),
        new(40, false, false, 0, false, false),
    ];

    public static string Create(DeckSession deck, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 100);
        var head = Head(deck);
        var slides = deck.Slides.Select((slide, i) => new SlideView(deck, slide, i + 1)).ToList();
        var chosen = Enumerable.Repeat(Levels.Length - 1, slides.Count).ToArray();
        var cost = slides.Select(s => TokenCounter.Count(s.Render(Levels[^1]))).ToArray();
        const string brief = "(Some slides are shown briefly to fit the budget: read_slide shows one in full.)\n";
        var used = TokenCounter.Count(head) + TokenCounter.Count(brief) + cost.Sum();
        for (var level = Levels.Length - 2; level >= 0; level--)
        {
            for (var i = 0; i < slides.Count; i++)
            {
                var more = TokenCounter.Count(slides[i].Render(Levels[level]));
                if (used - cost[i] + more <= tokenBudget)
                {
                    used += more - cost[i];
                    cost[i] = more;
                    chosen[i] = level;
                }
            }
        }

        var text = new StringBuilder(head);
        for (var i = 0; i < slides.Count; i++)
        {
            text.Append(slides[i].Render(Levels[chosen[i]]));
        }

        if (chosen.Any(c => c > 0))
        {
            text.Append(brief);
        }

        var result = text.ToString();
        if (TokenCounter.Count(result) <= tokenBudget)
        {
            return result;
        }

        const string cut = "\n… (digest cut to fit the token budget)";
        return TokenCounter.Truncate(result, tokenBudget - TokenCounter.Count(cut) - 1).TrimEnd() + cut;
    }

    private static string Head(DeckSession deck)
    {
        var text = new StringBuilder();
        var (width, height) = deck.SlideSize;
        var masters = deck.PresentationPart.SlideMasterParts.Count();
        text.AppendLine(CultureInfo.InvariantCulture, $"Deck: {deck.Slides.Count} slide(s), {Points(width)} × {Points(height)} pt{(masters > 1 ? $", {masters} masters" : "")}.");
        var layouts = deck.Layouts.Select(DeckSession.LayoutName).GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Count() > 1 ? $"'{g.Key}' ×{g.Count()}" : $"'{g.Key}'");
        text.AppendLine("Layouts: " + string.Join(", ", layouts));
        if (deck.SourceNames.Count > 0)
        {
            text.AppendLine("Sources for add_image: " + string.Join(", ", deck.SourceNames.Select(s => $"'{s}'")));
        }

        return text.ToString();
    }

    /// <summary>What the digest says of one slide, gathered once and rendered at any level.</summary>
    private sealed class SlideView
    {
        private readonly SlidePart _slide;
        private readonly int _position;
        private readonly string _layout;
        private readonly (OpenXmlCompositeElement Shape, bool Inferred)? _title;
        private readonly List<(OpenXmlCompositeElement Shape, int Depth)> _shapes;
        private readonly (long Width, long Height) _size;
        private readonly string? _notes;

        public SlideView(DeckSession deck, SlidePart slide, int position)
        {
            _slide = slide;
            _position = position;
            _size = deck.SlideSize;
            _layout = slide.SlideLayoutPart is { } l ? DeckSession.LayoutName(l) : "?";
            _title = SlideTitle.Find(slide, _size.Height);
            _shapes = [.. SlideShapes.Nested(slide)];
            _notes = SlideNotes.Text(slide);
        }

        public string Render(Level level)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Slide {_position} (layout '{_layout}')");
            if (_title is { } title)
            {
                text.Append(": ").Append(Excerpt(ShapeText.Text(title.Shape), level.Excerpt))
                    .Append(CultureInfo.InvariantCulture, $" [{(title.Inferred ? "title in text box" : "title")} {SlideShapes.Id(title.Shape)}]");
            }

            text.AppendLine();
            if (level.Summary)
            {
                AppendSummary(text, level);
            }

            if (level.Shapes)
            {
                foreach (var (shape, depth) in _shapes)
                {
                    AppendShape(text, shape, depth, level);
                }
            }

            if (level.Notes && _notes is { Length: > 0 })
            {
                text.AppendLine("  notes: " + Excerpt(_notes, level.Excerpt));
            }

            return text.ToString();
        }

        /// <summary>One line: the slide's other text, and how many tables, pictures and charts it holds.</summary>
        private void AppendSummary(StringBuilder text, Level level)
        {
            var body = string.Join(" / ", _shapes.Where(s => s.Shape is P.Shape && s.Shape != _title?.Shape && SlideShapes.Kind(s.Shape) != "footer")
                .Select(s => ShapeText.Text(s.Shape).Trim()).Where(t => t.Length > 0));
            var parts = new List<string>();
            if (body.Length > 0)
            {
                parts.Add("text " + Excerpt(body, level.Excerpt));
            }

            foreach (var kind in new[] { "table", "picture", "chart", "diagram" })
            {
                var count = _shapes.Count(s => SlideShapes.Kind(s.Shape) == kind);
                if (count > 0)
                {
                    parts.Add(count == 1 ? $"1 {kind}" : $"{count} {kind}s");
                }
            }

            if (parts.Count > 0)
            {
                text.AppendLine("  " + string.Join("; ", parts));
            }
        }

        private void AppendShape(StringBuilder text, OpenXmlCompositeElement shape, int depth, Level level)
        {
            var kind = SlideShapes.Kind(shape);
            var line = new StringBuilder(new string(' ', 2 + (2 * depth)));
            line.Append(CultureInfo.InvariantCulture, $"- shape {SlideShapes.Id(shape)} '{SlideShapes.Name(shape)}' {kind}");
            var box = SlideShapes.AbsoluteGeometry(_slide, shape);
            if (level.Geometry && box is { } b)
            {
                line.Append(CultureInfo.InvariantCulture, $" at {Points(b.X)},{Points(b.Y)} size {Points(b.Width)}×{Points(b.Height)}");
            }

            if (box is { } at && SlideShapes.Overhang(at, _size, Verification.LayoutChecks.EdgeTolerance).Count > 0)
            {
                line.Append(SlideShapes.EntirelyOff(at, _size) ? " (off the slide)" : " (runs off the slide)");
            }

            switch (kind)
            {
                case "table":
                    AppendTable(line, shape, level);
                    break;
                case "picture" when SlideShapes.Properties(shape)?.Description?.Value is { Length: > 0 } alt:
                    line.Append(" alt ").Append(Excerpt(alt, level.Excerpt));
                    break;
                case "chart":
                    AppendChart(line, shape, level);
                    break;
                default:
                    var content = ShapeText.Text(shape);
                    if (content.Length > 0)
                    {
                        line.Append(": ").Append(Excerpt(content, level.Excerpt));
                    }
                    else if (SlideShapes.Placeholder(shape) is not null && kind != "footer")
                    {
                        line.Append(" (empty placeholder)");
                    }

                    break;
            }

            text.AppendLine(line.ToString());
        }

        private static void AppendTable(StringBuilder line, OpenXmlCompositeElement shape, Level level)
        {
            var rows = ShapeText.Paragraphs(shape);
            var columns = shape.Descendants<A.TableGrid>().FirstOrDefault()?.Elements<A.GridColumn>().Count() ?? 0;
            line.Append(CultureInfo.InvariantCulture, $" {rows.Count}×{columns}");
            if (level.TableRows > 0 && rows.Count > 0)
            {
                line.Append(": ").Append(string.Join(" / ", rows.Take(level.TableRows).Select(r => Excerpt(r, level.Excerpt))));
                if (rows.Count > level.TableRows)
                {
                    line.Append(" …");
                }
            }
        }

        private void AppendChart(StringBuilder line, OpenXmlCompositeElement shape, Level level)
        {
            if (shape.Descendants<C.ChartReference>().FirstOrDefault()?.Id?.Value is not { } id
                || !_slide.TryGetPartById(id, out var part) || part is not ChartPart chart || chart.ChartSpace?.GetFirstChild<C.Chart>() is not { } content)
            {
                return;
            }

            var plots = content.PlotArea?.ChildElements.Where(e => e.LocalName.EndsWith("Chart", StringComparison.Ordinal)).ToList() ?? [];
            var series = plots.Sum(p => p.ChildElements.Count(e => e.LocalName == "ser"));
            var type = string.Join(" + ", plots.Select(p => p.LocalName[..^"Chart".Length]).Distinct());
            line.Append(CultureInfo.InvariantCulture, $" ({(type.Length > 0 ? type : "chart")}, {series} series)");
            var title = string.Concat(content.Title?.Descendants<A.Text>().Select(t => t.Text) ?? []);
            if (title.Length > 0)
            {
                line.Append(": ").Append(Excerpt(title, level.Excerpt));
            }
        }
    }

    private static string Points(long emu) => (emu / 12700.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Excerpt(string text, int length)
    {
        var flat = text.Replace("\n", " / ", StringComparison.Ordinal);
        return flat.Length <= length ? $"\"{flat}\"" : $"\"{flat[..length]}…\" ({text.Length} chars)";
    }
}
