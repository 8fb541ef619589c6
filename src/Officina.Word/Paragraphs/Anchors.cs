using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;

namespace Officina.Word.Paragraphs;

/// <summary>Where new content goes relative to the anchor paragraph.</summary>
public enum InsertPosition
{
    /// <summary>Right after the anchor paragraph (the default).</summary>
    After,

    /// <summary>Right before the anchor paragraph.</summary>
    Before,
}

/// <summary>
/// Resolves paragraph addresses: a paragraph id from inspection (<c>w14:paraId</c>), or, where
/// new content is inserted, <c>start</c> or <c>end</c> of the document body.
/// </summary>
public static class Anchors
{
    public const string Start = "start";
    public const string End = "end";

    /// <summary>Finds the paragraph with id <paramref name="id"/>, adding an error naming <paramref name="property"/> when there is none.</summary>
    public static bool TryFind(this WordSession session, string? id, string property, ICollection<OperationError> errors, out Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(errors);
        paragraph = session.Ids.Find(id)!;
        if (paragraph is not null)
        {
            return true;
        }

        var known = session.Paragraphs.Take(5).Select(p => p.ParagraphId?.Value).Where(v => v is not null);
        errors.Add(new OperationError(property, "paragraph_id",
            $"There is no paragraph with id '{id}'. Use ids from get_outline, read_paragraphs or find_text (e.g. {string.Join(", ", known.Select(k => $"'{k}'"))})."));
        return false;
    }

    /// <summary>Checks an insertion anchor: a paragraph id, <c>start</c> or <c>end</c>.</summary>
    public static bool TryValidate(this WordSession session, string? anchor, string property, ICollection<OperationError> errors)
    {
        if (IsStart(anchor) || IsEnd(anchor))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(anchor))
        {
            errors.Add(new OperationError(property, "anchor", "anchor must be a paragraph id from inspection, 'start' or 'end'. Given: an empty value."));
            return false;
        }

        return session.TryFind(anchor, property, errors, out _);
    }

    public static bool IsStart(string? anchor) => string.Equals(anchor?.Trim(), Start, StringComparison.OrdinalIgnoreCase);

    public static bool IsEnd(string? anchor) => string.Equals(anchor?.Trim(), End, StringComparison.OrdinalIgnoreCase);

    /// <summary>Inserts block elements (paragraphs, tables) in order at the anchor; assumes it was validated.</summary>
    public static void Insert(this WordSession session, string anchor, InsertPosition? position, IReadOnlyList<OpenXmlElement> blocks)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0)
        {
            return;
        }

        var body = session.Body;
        if (IsStart(anchor))
        {
            var first = body.ChildElements.FirstOrDefault(e => e is not SectionProperties);
            foreach (var block in blocks)
            {
                if (first is null)
                {
                    InsertAtEnd(body, block);
                }
                else
                {
                    first.InsertBeforeSelf(block);
                }
            }
        }
        else if (IsEnd(anchor))
        {
            foreach (var block in blocks)
            {
                InsertAtEnd(body, block);
            }

            if (blocks[^1] is Table)
            {
                InsertAtEnd(body, new Paragraph());
            }
        }
        else
        {
            var target = session.Ids.Find(anchor) ?? throw new InvalidOperationException($"There is no paragraph with id '{anchor}'.");
            if (position == InsertPosition.Before)
            {
                foreach (var block in blocks)
                {
                    target.InsertBeforeSelf(block);
                }
            }
            else
            {
                OpenXmlElement previous = target;
                foreach (var block in blocks)
                {
                    previous = previous.InsertAfterSelf(block);
                }

                if (previous is Table && previous.NextSibling() is null or SectionProperties)
                {
                    previous.InsertAfterSelf(new Paragraph());
                }
            }
        }
    }

    private static void InsertAtEnd(Body body, OpenXmlElement block)
    {
        if (body.LastChild is SectionProperties section)
        {
            section.InsertBeforeSelf(block);
        }
        else
        {
            body.AppendChild(block);
        }
    }

    /// <summary>A description of the anchor for change summaries.</summary>
    public static string Describe(string anchor, InsertPosition? position) =>
        IsStart(anchor) ? "at the start" : IsEnd(anchor) ? "at the end" : $"{(position == InsertPosition.Before ? "before" : "after")} paragraph {anchor}";
}
