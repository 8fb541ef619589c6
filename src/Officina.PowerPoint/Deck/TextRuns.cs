using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Finds text inside one DrawingML paragraph and splits its runs so that each occurrence is
/// covered by whole runs of its own, each keeping the formatting of the run it came from.
/// Runs between line breaks and fields form one stretch (as in <see cref="TextReplacement"/>),
/// so an occurrence may span runs but not a break.
/// </summary>
public static class TextRuns
{
    /// <summary>How often <paramref name="find"/> occurs in <paramref name="paragraph"/>.</summary>
    public static int Count(A.Paragraph paragraph, string find, StringComparison comparison) =>
        TextReplacement.Count(paragraph, find, comparison);

    /// <summary>Splits runs at the edges of every occurrence of <paramref name="find"/> and returns the runs inside them.</summary>
    public static IReadOnlyList<A.Run> Isolate(A.Paragraph paragraph, string find, StringComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentException.ThrowIfNullOrEmpty(find);
        var inside = new List<A.Run>();
        foreach (var stretch in Stretches(paragraph))
        {
            var joined = string.Concat(stretch.Select(r => r.Text!.Text));
            var starts = new List<int>();
            for (var at = joined.IndexOf(find, comparison); at >= 0; at = joined.IndexOf(find, at + find.Length, comparison))
            {
                starts.Add(at);
            }

            if (starts.Count == 0)
            {
                continue;
            }

            var cuts = new SortedSet<int>(starts.SelectMany(s => new[] { s, s + find.Length }));
            var offset = 0;
            foreach (var run in stretch)
            {
                var length = run.Text!.Text.Length;
                var current = run;
                var start = offset;
                foreach (var cut in cuts.Where(c => c > offset && c < offset + length))
                {
                    var rest = Split(current, cut - start);
                    Collect(current, start);
                    current = rest;
                    start = cut;
                }

                Collect(current, start);
                offset += length;
            }

            void Collect(A.Run piece, int start)
            {
                if (starts.Any(s => start >= s && start < s + find.Length))
                {
                    inside.Add(piece);
                }
            }
        }

        return inside;
    }

    /// <summary>Cuts <paramref name="run"/> after <paramref name="at"/> characters; the second half (same formatting) follows it and is returned.</summary>
    private static A.Run Split(A.Run run, int at)
    {
        var text = run.Text!.Text;
        var rest = (A.Run)run.CloneNode(true);
        run.Text!.Text = text[..at];
        rest.Text!.Text = text[at..];
        run.InsertAfterSelf(rest);
        return rest;
    }

    private static List<List<A.Run>> Stretches(A.Paragraph paragraph)
    {
        var stretches = new List<List<A.Run>> { new() };
        foreach (var child in paragraph.ChildElements)
        {
            if (child is A.Run { Text: not null } run)
            {
                stretches[^1].Add(run);
            }
            else if (child is A.Break or A.Field)
            {
                stretches.Add([]);
            }
        }

        return [.. stretches.Where(s => s.Count > 0)];
    }
}
