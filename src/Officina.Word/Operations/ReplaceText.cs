using System.ComponentModel;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Replaces text wherever it occurs, also when Word split it over several runs (spell-check
/// marks, formatting changes, revision history). The replacement takes the formatting of the
/// run where each match starts. All matches, or the first <see cref="MaxCount"/>. Without
/// <see cref="Paragraphs"/> the whole document is searched as Word's "Replace All" does: body,
/// tables, text boxes, headers, footers, footnotes and endnotes.
/// </summary>
[Operation("replace_text", "Replace text (across runs, keeping formatting) in the document or given paragraphs.")]
public sealed record ReplaceText(
    [property: Description("The text to find")] string Find,
    [property: Description("The replacement text (may be empty to delete)")] string Replace,
    [property: Description("True to match upper/lower case exactly; null or false ignores case")] bool? MatchCase = null,
    [property: Description("Replace only the first N matches; null for all")] int? MaxCount = null,
    [property: Description("Only in these paragraph ids; null for the whole document (body, headers, footers, notes)")] string[]? Paragraphs = null)
    : WriteOperation<WordSession>
{
    /// <summary>Most matches one operation replaces: each is a run split in the document's DOM.</summary>
    public const int MaxReplacements = 20_000;

    /// <summary>
    /// Most characters one operation may add. A replacement that contains what it finds grows
    /// the text each time it runs; a few such operations in a row would otherwise grow it
    /// geometrically until memory or patience runs out.
    /// </summary>
    public const long MaxGrowth = 2_000_000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        foreach (var id in Paragraphs ?? [])
        {
            trace.AddressesParagraph(id);
        }
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (string.IsNullOrEmpty(Find))
        {
            errors.Add(new("find", "text_required", "find must not be empty."));
        }

        if (Replace is null)
        {
            errors.Add(new("replace", "text_required", "replace is required (use \"\" to delete the text)."));
        }

        if (MaxCount is < 1)
        {
            errors.Add(new("max_count", "count_range", $"max_count must be at least 1 (or null for all). Given: {MaxCount}."));
        }

        for (var i = 0; i < (Paragraphs?.Length ?? 0); i++)
        {
            session.TryFind(Paragraphs![i], $"paragraphs[{i}]", errors, out _);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var matches = TextMatches.In(Targets(session), Find, MatchCase == true, Math.Min(MaxCount ?? int.MaxValue, MaxReplacements + 1), session.Cancellation).Count;
        if (matches == 0)
        {
            errors.Add(new("find", "text_found", $"The text \"{Find}\" does not occur{(Paragraphs is null ? " in the document" : " in the given paragraphs")}{(MatchCase == true ? " (matching case)" : "")}. Use find_text to check."));
        }
        else if (matches > MaxReplacements)
        {
            errors.Add(new("find", "replace_limit",
                $"The text \"{Find}\" occurs more than {MaxReplacements:N0} times; one replace_text changes at most {MaxReplacements:N0}. Set max_count or name the paragraphs."));
        }
        else if ((long)matches * (Replace!.Length - Find.Length) > MaxGrowth)
        {
            errors.Add(new("replace", "replace_limit",
                $"Replacing {matches:N0} occurrence(s) of \"{Find}\" would add {(long)matches * (Replace!.Length - Find.Length):N0} characters; one replace_text may add at most {MaxGrowth:N0}. Given a replacement of {Replace.Length:N0} characters."));
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var matches = TextMatches.In(Targets(session), Find, MatchCase == true, MaxCount, session.Cancellation);
        foreach (var match in TextMatches.ForEditing(matches))
        {
            session.Cancellation.ThrowIfCancellationRequested();
            ReplaceMatch(session, match, Replace);
        }

        return new Change("replace_text", Paragraphs is null ? "document" : string.Join(",", Paragraphs),
            $"Replaced {matches.Count} occurrence(s) of \"{Find}\" with \"{Replace}\"", matches.Count);
    }

    private IEnumerable<Paragraph> Targets(WordSession session) =>
        Paragraphs is null ? session.StoryParagraphs : Paragraphs.Select(id => session.Ids.Find(id)).OfType<Paragraph>().Distinct();

    /// <summary>Replaces one match; a tracked deletion plus insertion when the session tracks changes.</summary>
    internal static void ReplaceMatch(WordSession session, TextMatch match, string replacement)
    {
        var runs = RunSplitter.Isolate(match.Paragraph, match.Start, match.End);
        if (runs.Count == 0)
        {
            return;
        }

        var inserted = replacement.Length > 0 ? RunSplitter.NewRunLike(runs[0], replacement) : null;
        if (inserted is not null)
        {
            // After the matched text, as Word writes a replacement: the deletion, then the insertion.
            runs[^1].InsertAfterSelf(inserted);
        }

        if (session.TrackChanges)
        {
            if (inserted is not null)
            {
                session.Revisions.MarkInserted(inserted);
            }

            foreach (var run in runs)
            {
                session.Revisions.MarkDeleted(run);
            }

            return;
        }

        foreach (var run in runs)
        {
            foreach (var content in run.ChildElements.Where(c => c is Text or TabChar or PositionalTab or Break or CarriageReturn or NoBreakHyphen).ToList())
            {
                content.Remove();
            }

            if (run.ChildElements.All(c => c is RunProperties))
            {
                run.Remove();
            }
        }
    }
}
