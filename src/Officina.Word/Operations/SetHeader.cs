using System.ComponentModel;
using Officina.Operations;
using Officina.Word.Formatting;

namespace Officina.Word.Operations;

/// <summary>
/// Sets the header text of every section (rewriting an existing header of that kind, or adding
/// one). Lines become paragraphs; {page} and {pages} become page-number fields.
/// </summary>
[Operation("set_header", "Set the header text of every section; {page} and {pages} become page numbers.")]
public sealed record SetHeader(
    [property: Description("The header text; line feeds start new lines; {page} / {pages} insert page numbers")] string Text,
    [property: Description("'default' (every page, the default), 'first' (first page) or 'even' (even pages)")] HeaderFooterKind? Kind = null)
    : WriteOperation<WordSession>
{
    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        if (Text is null)
        {
            yield return new("text", "text_required", "text is required (use \"\" for an empty header).");
        }
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sections = HeaderFooterWriter.Write(session, footer: false, Text, Kind ?? HeaderFooterKind.Default);
        var kind = (Kind ?? HeaderFooterKind.Default).ToString().ToLowerInvariant();
        return new Change("set_header", kind, $"Set the {kind} header of {sections} section(s) to \"{Text}\"", sections);
    }
}
