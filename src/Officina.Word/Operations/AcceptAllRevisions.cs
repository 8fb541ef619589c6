using Officina.Operations;
using Officina.Word.Inspection;
using Officina.Word.Revisions;

namespace Officina.Word.Operations;

/// <summary>
/// Accepts every tracked change in the document (body, headers, footers, notes, comments), as
/// Word's "Accept All Changes" does. Not itself tracked.
/// </summary>
[Operation("accept_all_revisions", "Accept every tracked change in the document.")]
public sealed record AcceptAllRevisions : WriteOperation<WordSession>
{
    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (DocumentDigest.RevisionCount(session) == 0)
        {
            yield return new("$", "revisions_exist", "The document has no tracked changes to accept.");
        }
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var count = session.StoryRoots().ToList().Sum(root => RevisionResolver.Accept(root, session.Cancellation));
        return new Change("accept_all_revisions", "document", $"Accepted {count} tracked change(s)", count);
    }
}
