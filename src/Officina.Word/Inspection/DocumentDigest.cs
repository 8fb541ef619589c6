using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Inspection;

/// <summary>
/// A compact text digest of a document for a model to plan from, within a token budget (o200k):
/// counts (paragraphs, headings, tables, comments, tracked changes, sections), styles used,
/// headers and footers, content controls, the outline of headings with paragraph ids, tables
/// with their first row, and sample paragraphs with ids. When over budget it is rendered again
/// with fewer samples and shorter text, then cut at the budget.
/// </summary>
public static class DocumentDigest
{
    private sealed record Level(int Samples, int Width, int Headings, int Tables);

    private static readonly Level[] Levels =
    [
        new(60, 160, 200, 20),
        new(30, 100, 120, 10),
        new(15, 60, 60, 5),
        new(5, 40, 30, 3),
        new(0, 30, 15, 0),
    ];

    public static string Create(WordSession session, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 100);
        var text = "";
        foreach (var level in Levels)
        {
            text = Render(session, level);
            if (TokenCounter.Count(text) <= tokenBudget)
            {
                return text;
            }
        }

        const string cut = "\n… (digest cut to fit the token budget)";
        return TokenCounter.Truncate(text, tokenBudget - TokenCounter.Count(cut) - 1).TrimEnd() + cut;
    }

    private static string Render(WordSession session, Level level)
    {
        var paragraphs = session.Paragraphs.ToList();
        var headings = GetOutline.Headings(session);
        var tables = session.Body.Descendants<Table>().ToList();
        var comments = session.MainPart.WordprocessingCommentsPart?.Comments?.Elements<Comment>().Count() ?? 0;
        var revisions = RevisionCount(session);
        var sections = session.Body.Descendants<SectionProperties>().Count();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Document: {paragraphs.Count} paragraph(s), {headings.Count} heading(s), {tables.Count} table(s), {comments} comment(s), {revisions} tracked change(s), {sections} section(s).");
        text.AppendLine();
        var styles = paragraphs.Select(ParagraphText.StyleId).Select(id => id is null ? "Normal" : session.Styles.NameOf(id))
            .GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}");
        text.Append("Styles used: ").AppendJoin(", ", styles.Take(15)).AppendLine();
        AppendStories(text, "Header", session.MainPart.HeaderParts.Select(h => (OpenXmlElement?)h.Header), level.Width);
        AppendStories(text, "Footer", session.MainPart.FooterParts.Select(f => (OpenXmlElement?)f.Footer), level.Width);
        var controls = session.Body.Descendants<SdtElement>()
            .Select(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value ?? s.SdtProperties?.GetFirstChild<SdtAlias>()?.Val?.Value)
            .OfType<string>().Distinct().ToList();
        if (controls.Count > 0)
        {
            text.Append("Content controls (tag/title): ").AppendJoin(", ", controls.Take(20)).AppendLine();
        }

        if (headings.Count > 0)
        {
            text.AppendLine("Outline:");
            foreach (var heading in headings.Take(level.Headings))
            {
                text.Append(' ', 2 * heading.Level).AppendLine(CultureInfo.InvariantCulture, $"[{heading.Id}] H{heading.Level}: {Clip(heading.Text, level.Width)}");
            }

            if (headings.Count > level.Headings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  … {headings.Count - level.Headings} more heading(s) (get_outline)");
            }
        }

        for (var t = 0; t < Math.Min(tables.Count, level.Tables); t++)
        {
            var rows = tables[t].Elements<TableRow>().ToList();
            var first = rows.FirstOrDefault()?.Elements<TableCell>().Select(c => Clip(string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText.Of)), 24)) ?? [];
            var anchor = tables[t].Descendants<Paragraph>().FirstOrDefault()?.ParagraphId?.Value;
            text.AppendLine(CultureInfo.InvariantCulture, $"Table {t + 1}: {rows.Count} row(s) x {rows.FirstOrDefault()?.Elements<TableCell>().Count() ?? 0} col(s), first cell [{anchor}]; row 1: {string.Join(" | ", first)}");
        }

        if (level.Samples > 0 && paragraphs.Count > 0)
        {
            text.AppendLine("Paragraphs ([id] style: text; tables as their first cell, read_paragraphs shows every cell):");
            var firstCells = tables.Select(t => t.Descendants<Paragraph>().FirstOrDefault()).OfType<Paragraph>().ToHashSet();
            paragraphs = [.. paragraphs.Where(p => !p.Ancestors<TableCell>().Any() || firstCells.Contains(p))];
            var shown = paragraphs.Count <= level.Samples ? paragraphs : [.. paragraphs.Take(level.Samples - 2), .. paragraphs.TakeLast(2)];
            for (var i = 0; i < shown.Count; i++)
            {
                if (i == level.Samples - 2 && paragraphs.Count > level.Samples)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  … {paragraphs.Count - level.Samples} paragraph(s) not shown (read_paragraphs)");
                }

                text.Append("  ").AppendLine(ParagraphFactory.Describe(session, shown[i], level.Width));
            }
        }

        return text.ToString();
    }

    /// <summary>Tracked insertions, deletions, moves and formatting changes in every story.</summary>
    public static int RevisionCount(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.StoryRoots().Sum(root => root.Descendants().Count(e => e is InsertedRun or DeletedRun or MoveFromRun or MoveToRun
            or RunPropertiesChange or ParagraphPropertiesChange or Inserted or Deleted or SectionPropertiesChange or TablePropertiesChange));
    }

    private static void AppendStories(StringBuilder text, string kind, IEnumerable<OpenXmlElement?> roots, int width)
    {
        foreach (var root in roots)
        {
            var content = string.Join(" / ", root?.Descendants<Paragraph>().Select(ParagraphText.Of).Where(t => t.Length > 0) ?? []);
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind}: {(content.Length == 0 ? "(empty or fields only)" : Clip(content, width))}");
        }
    }

    private static string Clip(string value, int width)
    {
        var flat = value.Replace("\n", " ", StringComparison.Ordinal);
        return flat.Length <= width ? flat : string.Concat(flat.AsSpan(0, Math.Max(1, width - 1)), "…");
    }
}
