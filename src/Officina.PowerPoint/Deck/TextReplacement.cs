using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Find and replace inside one DrawingML paragraph, across runs. Runs between line breaks and
/// fields form one stretch of text; a match inside a stretch is rewritten into the run where it
/// starts (keeping that run's formatting) and cut out of the runs it spans.
/// </summary>
public static class TextReplacement
{
    public static int Count(A.Paragraph paragraph, string find, StringComparison comparison) =>
        Stretches(paragraph).Sum(s => Matches(string.Concat(s.Select(t => t.Text)), find, comparison).Count);

    public static int Replace(A.Paragraph paragraph, string find, string replace, StringComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentException.ThrowIfNullOrEmpty(find);
        var total = 0;
        foreach (var texts in Stretches(paragraph))
        {
            var joined = string.Concat(texts.Select(t => t.Text));
            var matches = Matches(joined, find, comparison);
            for (var m = matches.Count - 1; m >= 0; m--)
            {
                var start = matches[m];
                var end = start + find.Length;
                var (first, firstOffset) = Locate(texts, start);
                var (last, lastOffset) = Locate(texts, end - 1);
                if (first == last)
                {
                    var t = texts[first].Text;
                    texts[first].Text = t[..firstOffset] + replace + t[(lastOffset + 1)..];
                }
                else
                {
                    texts[first].Text = texts[first].Text[..firstOffset] + replace;
                    for (var i = first + 1; i < last; i++)
                    {
                        texts[i].Text = "";
                    }

                    texts[last].Text = texts[last].Text[(lastOffset + 1)..];
                }
            }

            total += matches.Count;
            if (matches.Count > 0)
            {
                foreach (var empty in texts.Where(t => t.Text.Length == 0 && t.Parent is A.Run).Skip(texts.All(t => t.Text.Length == 0) ? 1 : 0).ToList())
                {
                    empty.Parent!.Remove();
                }
            }
        }

        return total;
    }

    private static List<List<A.Text>> Stretches(A.Paragraph paragraph)
    {
        var stretches = new List<List<A.Text>> { new() };
        foreach (var child in paragraph.ChildElements)
        {
            if (child is A.Run { Text: { } text })
            {
                stretches[^1].Add(text);
            }
            else if (child is A.Break or A.Field)
            {
                stretches.Add([]);
            }
        }

        return [.. stretches.Where(s => s.Count > 0)];
    }

    private static List<int> Matches(string text, string find, StringComparison comparison)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(find, comparison); at >= 0; at = text.IndexOf(find, at + find.Length, comparison))
        {
            found.Add(at);
        }

        return found;
    }

    private static (int Index, int Offset) Locate(List<A.Text> texts, int position)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            var length = texts[i].Text.Length;
            if (position < length)
            {
                return (i, position);
            }

            position -= length;
        }

        return (texts.Count - 1, texts[^1].Text.Length - 1);
    }
}
