using System.ComponentModel;
using Officina.Operations;
using Officina.Word.Formatting;

namespace Officina.Word.Operations;

/// <summary>
/// Sets the footer text of every section (rewriting an existing footer of that kind, or adding
/// one). Lines become paragraphs; {page} and {pages} become page-number fields.
/// </summary>
[Operation("set_footer", "Set the footer text of every section; {page} and {pages} become page numbers.")]
public sealed record SetFooter(
    [property: Description("The footer text; line feeds start new lines; {page} / {pages} insert page numbers")] string Text,
    [property: Description("'default' (every page, the default), 'first' (first page) or 'even' (even pages)")] HeaderFooterKind? Kind = null)
    : WriteOperation<WordSession>
{
    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        if (Text is null)
        {
            yield return new("text", "text_required", "text is required (use \"\" for an empty footer).");
        }
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sections = HeaderFooterWriter.Write(session, footer: true, Text, Kind ?? HeaderFooterKind.Default);
        var kind = (Kind ?? HeaderFooterKind.Default).ToString().ToLowerInvariant();
        return new Change("set_footer", kind, $"Set the {kind} footer of {sections} section(s) to \"{Text}\"", sections);
    }
}
