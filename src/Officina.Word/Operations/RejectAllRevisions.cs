using Officina.Operations;
using Officina.Word.Inspection;
using Officina.Word.Revisions;

namespace Officina.Word.Operations;

/// <summary>
/// Rejects every tracked change in the document (body, headers, footers, notes, comments), as
/// Word's "Reject All Changes" does. Not itself tracked.
/// </summary>
[Operation("reject_all_revisions", "Reject every tracked change in the document.")]
public sealed record RejectAllRevisions : WriteOperation<WordSession>
{
    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (DocumentDigest.RevisionCount(session) == 0)
        {
            yield return new("$", "revisions_exist", "The document has no tracked changes to reject.");
        }
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var count = session.StoryRoots().ToList().Sum(root => RevisionResolver.Reject(root, session.Cancellation));
        return new Change("reject_all_revisions", "document", $"Rejected {count} tracked change(s)", count);
    }
}
