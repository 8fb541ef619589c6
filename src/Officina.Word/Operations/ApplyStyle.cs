using System.ComponentModel;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>Sets the paragraph style of paragraphs (by name or id; built-in styles are added when missing).</summary>
[Operation("apply_style", "Apply a paragraph style (e.g. 'Heading 2', 'Quote') to paragraphs by id.")]
public sealed record ApplyStyle(
    [property: Description("Ids of the paragraphs")] string[] Paragraphs,
    [property: Description("Paragraph style name or id, e.g. 'Heading 2', 'Title', 'Normal'")] string Style)
    : WriteOperation<WordSession>
{
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
        if (Paragraphs is null || Paragraphs.Length == 0)
        {
            errors.Add(new("paragraphs", "paragraphs_required", "paragraphs must list at least one paragraph id."));
        }

        for (var i = 0; i < (Paragraphs?.Length ?? 0); i++)
        {
            session.TryFind(Paragraphs![i], $"paragraphs[{i}]", errors, out _);
        }

        if (string.IsNullOrWhiteSpace(Style))
        {
            errors.Add(new("style", "style_required", "style must name a paragraph style."));
        }
        else if (session.Styles.Find(Style) is { } found && found.Type != StyleValues.Paragraph)
        {
            errors.Add(new("style", "style_type", $"'{Style}' is a {found.Type?.ToString().ToLowerInvariant()} style, not a paragraph style."));
        }
        else
        {
            StyleRules.Check(session, Style, "style", errors);
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var styleId = session.Styles.Ensure(Style)!;
        var targets = Paragraphs.Select(id => session.Ids.Find(id)!).Distinct().ToList();
        foreach (var paragraph in targets)
        {
            if (session.TrackChanges)
            {
                session.Revisions.RecordParagraphFormat(paragraph);
            }

            var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
            properties.ParagraphStyleId = new ParagraphStyleId { Val = styleId };
        }

        return new Change("apply_style", string.Join(",", Paragraphs), $"Applied style '{session.Styles.NameOf(styleId)}' to {targets.Count} paragraph(s)", targets.Count);
    }
}
