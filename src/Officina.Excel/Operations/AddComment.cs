using System.ComponentModel;
using Officina.Excel.Comments;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Adds a note (a classic Excel comment) to one cell, as Excel writes it: the comments part
/// and a hidden note shape in the sheet's VML drawing. A cell that already has a note gets the
/// new text and author. The sheet's other notes, and the drawing's other shapes, are kept.
/// </summary>
[Operation("add_comment", "Add or replace a cell's note.")]
public sealed record AddComment(
    [property: Description("The cell, e.g. 'Forecast'!B3")] string Cell,
    [property: Description("The note's text; line breaks allowed")] string Text,
    [property: Description("Author shown in the note; null for 'Officina'")] string? Author = null)
    : WriteOperation<WorkbookSession>
{
    public const string DefaultAuthor = "Officina";

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Cell);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new("text", "text_empty", "A note needs text. Given: an empty string."));
        }
        else if (Text.Length > 32_767)
        {
            errors.Add(new("text", "text_length", $"A note holds at most 32767 characters. Given: {Text.Length}."));
        }

        if (Author is not null && (Author.Trim().Length == 0 || Author.Length > 255))
        {
            errors.Add(new("author", "author", $"An author is 1 to 255 characters. Given: '{Author}'."));
        }

        if (!session.TryResolve(Cell, "cell", errors, out var range, out var sheet))
        {
            return errors;
        }

        if (!range.IsSingleCell)
        {
            errors.Add(new("cell", "single_cell", $"A note belongs to one cell, e.g. B3. Given: {range}."));
        }
        else if (new LegacyComments(session.WorkbookPart, sheet.Part).Problem(range.TopLeft) is { } problem)
        {
            errors.Add(new("cell", "comment_target", problem));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Cell);
        var replaced = new LegacyComments(session.WorkbookPart, sheet.Part).Set(range.TopLeft, Text.Replace("\r\n", "\n", StringComparison.Ordinal), Author ?? DefaultAuthor);
        return new Change("add_comment", range.ToString(), $"{(replaced ? "Replaced the note on" : "Added a note to")} {range}");
    }
}
