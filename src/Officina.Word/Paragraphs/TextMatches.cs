using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Paragraphs;

/// <summary>A match of a search text in one paragraph's visible text.</summary>
public sealed record TextMatch(Paragraph Paragraph, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Finds text across run boundaries in paragraphs' visible text.</summary>
public static class TextMatches
{
    /// <summary>Matches of <paramref name="find"/> in <paramref name="paragraphs"/>, in document order, at most <paramref name="limit"/>; cancellation is checked per paragraph.</summary>
    public static List<TextMatch> In(IEnumerable<Paragraph> paragraphs, string find, bool matchCase, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentException.ThrowIfNullOrEmpty(find);
        var comparison = matchCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var matches = new List<TextMatch>();
        foreach (var paragraph in paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = ParagraphText.Of(paragraph);
            for (var at = text.IndexOf(find, comparison); at >= 0; at = text.IndexOf(find, at + find.Length, comparison))
            {
                if (limit is { } max && matches.Count >= max)
                {
                    return matches;
                }

                matches.Add(new TextMatch(paragraph, at, find.Length));
            }
        }

        return matches;
    }

    /// <summary>The matches grouped by paragraph, last match first within each, so that acting on one keeps the others' offsets valid.</summary>
    public static IEnumerable<TextMatch> ForEditing(IEnumerable<TextMatch> matches) =>
        matches.GroupBy(m => m.Paragraph).SelectMany(g => g.OrderByDescending(m => m.Start));
}
