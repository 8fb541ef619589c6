using System.ComponentModel;
using System.Text;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>Finds paragraphs containing a text (across runs), returning their ids and the text around each match.</summary>
[Operation("find_text", "Find paragraphs containing a text; returns paragraph ids and context.")]
public sealed record FindText(
    [property: Description("The text to look for")] string Text,
    [property: Description("True to match upper/lower case exactly; null or false ignores case")] bool? MatchCase = null,
    [property: Description("At most this many matches (1–500); null for 50")] int? MaxResults = null)
    : ReadOperation<WordSession>
{
    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        if (string.IsNullOrEmpty(Text))
        {
            yield return new("text", "text_required", "text must not be empty.");
        }

        if (MaxResults is < 1 or > 500)
        {
            yield return new("max_results", "count_range", $"max_results must be between 1 and 500. Given: {MaxResults}.");
        }
    }

    public override Observation Read(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var comparison = MatchCase == true ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var limit = MaxResults ?? 50;
        var found = new List<object>();
        var text = new StringBuilder();
        var total = 0;
        foreach (var paragraph in session.Paragraphs)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            var content = ParagraphText.Of(paragraph);
            for (var at = content.IndexOf(Text, comparison); at >= 0; at = content.IndexOf(Text, at + Text.Length, comparison))
            {
                total++;
                if (found.Count >= limit)
                {
                    continue;
                }

                var from = Math.Max(0, at - 40);
                var to = Math.Min(content.Length, at + Text.Length + 40);
                var context = (from > 0 ? "…" : "") + content[from..to].Replace("\n", " ", StringComparison.Ordinal) + (to < content.Length ? "…" : "");
                var id = session.Ids.Of(paragraph);
                found.Add(new { id, offset = at, context });
                text.AppendLine($"[{id}] at {at}: {context}");
            }
        }

        text.Insert(0, $"{total} match(es) for \"{Text}\"{(total > found.Count ? $" (first {found.Count} shown)" : "")}.\n");
        return new Observation("find_text", Text, text.ToString(), found);
    }
}
