using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// How document operations declare paragraphs to a <see cref="PlanTrace"/>. A paragraph an
/// operation inserts gets its id only when applied, so a plan does not hold it: it is read from
/// the operation's preview change record, whose target is the new paragraph's id (several ids
/// comma-separated). Without a preview record, inserted paragraphs are unknown to the trace.
/// </summary>
public static class DocumentTrace
{
    public const string Paragraph = "paragraph";

    /// <summary>A paragraph by id; <c>start</c> and <c>end</c> anchors address none.</summary>
    public static void AddressesParagraph(this PlanTrace trace, string? id)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (id is not null && !Anchors.IsStart(id) && !Anchors.IsEnd(id))
        {
            trace.Addresses(Paragraph, id, $"paragraph {id.Trim()}");
        }
    }

    /// <summary>The paragraphs the operation inserted, as its preview change record names them, then the anchor it inserted at.</summary>
    public static void InsertsParagraphs(this PlanTrace trace, string? anchor)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesParagraph(anchor);
        foreach (var id in trace.Change?.Target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
        {
            trace.Creates(Paragraph, id);
        }
    }
}
