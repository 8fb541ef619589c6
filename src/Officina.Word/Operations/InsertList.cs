using System.ComponentModel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Formatting;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>The kind of list: bullets or numbers.</summary>
public enum ListKind
{
    Bulleted,
    Numbered,
}

/// <summary>One list item: its text and nesting level (0 = top).</summary>
public sealed record ListItem(
    [property: Description("The item's text")] string Text,
    [property: Description("Nesting level 0 (top) to 8; null for 0")] int? Level = null);

/// <summary>
/// Inserts a bulleted or numbered list (one paragraph per item, style List Paragraph) with its
/// own numbering definition in numbering.xml, so numbering starts at 1 and levels nest.
/// </summary>
[Operation("insert_list", "Insert a bulleted or numbered list (items with levels) at an anchor.")]
public sealed record InsertList(
    [property: Description("Paragraph id from inspection, or 'start' / 'end' of the document")] string Anchor,
    [property: Description("'bulleted' or 'numbered'")] ListKind Kind,
    [property: Description("The items in order")] ListItem[] Items,
    [property: Description("'after' (default) or 'before' the anchor paragraph")] InsertPosition? Position = null)
    : WriteOperation<WordSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.InsertsParagraphs(Anchor);
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryValidate(Anchor, "anchor", errors);
        if (Items is null || Items.Length == 0)
        {
            errors.Add(new("items", "items_required", "items must hold at least one item."));
            return errors;
        }

        for (var i = 0; i < Items.Length; i++)
        {
            if (Items[i] is null || Items[i].Text is null)
            {
                errors.Add(new($"items[{i}].text", "text_required", "Every item needs a text."));
            }
            else if (Items[i].Level is < 0 or > 8)
            {
                errors.Add(new($"items[{i}].level", "list_level", $"level must be between 0 and 8. Given: {Items[i].Level}."));
            }
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var numId = ListNumbering.Create(session.MainPart, Kind == ListKind.Numbered);
        var style = session.Styles.Ensure("ListParagraph");
        var paragraphs = new List<OpenXmlElement>();
        foreach (var item in Items)
        {
            var paragraph = ParagraphFactory.Create(item.Text, style);
            paragraph.ParagraphProperties!.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = item.Level ?? 0 }, new NumberingId { Val = numId });
            paragraphs.Add(paragraph);
        }

        session.Insert(Anchor, Position, paragraphs);
        foreach (var paragraph in paragraphs)
        {
            ParagraphFactory.Track(session, paragraph);
        }

        // Every item's id, so that operations addressing any item can be traced to this one (PlanDependencies).
        var ids = string.Join(",", paragraphs.Select(p => session.Ids.Of((Paragraph)p)));
        return new Change("insert_list", ids, $"Inserted a {Kind.ToString().ToLowerInvariant()} list of {Items.Length} item(s) {Anchors.Describe(Anchor, Position)}", Items.Length);
    }
}
