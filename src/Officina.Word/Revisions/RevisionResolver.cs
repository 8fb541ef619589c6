using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Revisions;

/// <summary>
/// Accepts or rejects every tracked change in a story (body, header, footer, notes, comments)
/// the way Word does: insertions kept or removed, deletions removed or restored, formatting
/// changes kept or rolled back to the recorded properties, paragraph marks merged where a
/// deleted (accept) or inserted (reject) mark goes away, table rows likewise.
/// Section, table and numbering property changes are kept as they are on reject (their marks
/// are removed), a simplification noted in the operation docs.
/// </summary>
public static class RevisionResolver
{
    /// <summary>Accepts every revision under <paramref name="root"/>; returns how many there were.</summary>
    public static int Accept(OpenXmlElement root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var count = 0;
        foreach (var element in root.Descendants().ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element.Parent is null && element != root)
            {
                continue;
            }

            switch (element)
            {
                case InsertedRun or MoveToRun:
                    Unwrap(element);
                    count++;
                    break;
                case DeletedRun or MoveFromRun:
                    element.Remove();
                    count++;
                    break;
                case RunPropertiesChange or ParagraphPropertiesChange or SectionPropertiesChange or TablePropertiesChange
                    or TablePropertyExceptionsChange or TableCellPropertiesChange or TableGridChange or NumberingChange:
                    element.Remove();
                    count++;
                    break;
                case MoveFromRangeStart or MoveFromRangeEnd or MoveToRangeStart or MoveToRangeEnd:
                    element.Remove();
                    break;
            }
        }

        count += ResolveMarks(root, removeParagraphsMarkedBy: typeof(Deleted));
        return count;
    }

    /// <summary>Rejects every revision under <paramref name="root"/>; returns how many there were.</summary>
    public static int Reject(OpenXmlElement root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var count = 0;
        foreach (var element in root.Descendants().ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element.Parent is null && element != root)
            {
                continue;
            }

            switch (element)
            {
                case InsertedRun or MoveToRun:
                    element.Remove();
                    count++;
                    break;
                case DeletedRun or MoveFromRun:
                    Restore(element);
                    Unwrap(element);
                    count++;
                    break;
                case RunPropertiesChange change:
                    RollBack(change.Parent!, change.GetFirstChild<PreviousRunProperties>(), keep: _ => false);
                    count++;
                    break;
                case ParagraphPropertiesChange change:
                    RollBack(change.Parent!, change.GetFirstChild<ParagraphPropertiesExtended>(), keep: c => c is ParagraphMarkRunProperties or SectionProperties);
                    count++;
                    break;
                case SectionPropertiesChange or TablePropertiesChange or TablePropertyExceptionsChange or TableCellPropertiesChange or TableGridChange or NumberingChange:
                    element.Remove();
                    count++;
                    break;
                case MoveFromRangeStart or MoveFromRangeEnd or MoveToRangeStart or MoveToRangeEnd:
                    element.Remove();
                    break;
            }
        }

        count += ResolveMarks(root, removeParagraphsMarkedBy: typeof(Inserted));
        return count;
    }

    /// <summary>
    /// Paragraph-mark and table-row marks: those of <paramref name="removeParagraphsMarkedBy"/>'s kind remove
    /// the mark (the paragraph joins the next one) or the row; the other kind's marks are dropped.
    /// </summary>
    private static int ResolveMarks(OpenXmlElement root, Type removeParagraphsMarkedBy)
    {
        var count = 0;
        foreach (var mark in root.Descendants().Where(e => e is Inserted or Deleted).ToList())
        {
            var remove = mark.GetType() == removeParagraphsMarkedBy;
            var owner = mark.Parent;
            mark.Remove();
            count++;
            if (!remove)
            {
                continue;
            }

            if (owner is TableRowProperties && owner.Parent is TableRow row)
            {
                var table = row.Parent;
                row.Remove();
                if (table is Table t && !t.Elements<TableRow>().Any())
                {
                    t.Remove();
                }
            }
            else if (owner is ParagraphMarkRunProperties && owner.Parent?.Parent is Paragraph paragraph)
            {
                MergeWithNext(paragraph);
            }
        }

        return count;
    }

    private static void MergeWithNext(Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.GetFirstChild<SectionProperties>() is not null)
        {
            return;
        }

        var content = paragraph.ChildElements.Where(c => c is not ParagraphProperties).ToList();
        var next = paragraph.NextSibling() as Paragraph;
        if (next is null)
        {
            var onlyInCell = paragraph.Parent is TableCell cell && cell.Elements<Paragraph>().Count() == 1;
            if (!onlyInCell && !content.Any(c => c.Descendants<Text>().Any() || c is Run))
            {
                paragraph.Remove();
            }

            return;
        }

        OpenXmlElement? anchor = next.ParagraphProperties;
        foreach (var child in content)
        {
            child.Remove();
            if (anchor is null)
            {
                next.PrependChild(child);
            }
            else
            {
                anchor.InsertAfterSelf(child);
            }

            anchor = child;
        }

        paragraph.Remove();
    }

    private static void Unwrap(OpenXmlElement wrapper)
    {
        foreach (var child in wrapper.ChildElements.ToList())
        {
            child.Remove();
            wrapper.InsertBeforeSelf(child);
        }

        wrapper.Remove();
    }

    private static void Restore(OpenXmlElement deleted)
    {
        foreach (var text in deleted.Descendants<DeletedText>().ToList())
        {
            text.InsertBeforeSelf(new Text(text.Text) { Space = SpaceProcessingModeValues.Preserve });
            text.Remove();
        }

        foreach (var code in deleted.Descendants<DeletedFieldCode>().ToList())
        {
            code.InsertBeforeSelf(new FieldCode(code.Text) { Space = SpaceProcessingModeValues.Preserve });
            code.Remove();
        }
    }

    private static void RollBack(OpenXmlElement properties, OpenXmlElement? previous, Func<OpenXmlElement, bool> keep)
    {
        var kept = properties.ChildElements.Where(keep).ToList();
        properties.RemoveAllChildren();
        foreach (var child in previous?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
        {
            properties.AppendChild(child.CloneNode(true));
        }

        foreach (var child in kept)
        {
            properties.AppendChild(child);
        }
    }
}
