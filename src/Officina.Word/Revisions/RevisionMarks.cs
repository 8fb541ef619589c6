using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Revisions;

/// <summary>
/// Writes tracked-change marks the way Word does: inserted runs in <c>w:ins</c>, deleted runs
/// in <c>w:del</c> with <c>w:delText</c>, paragraph marks through <c>w:pPr/w:rPr/w:ins|w:del</c>,
/// formatting through <c>w:rPrChange</c>/<c>w:pPrChange</c> holding the previous properties.
/// Every mark carries the session's author, the time and a revision id unique in the document.
/// </summary>
public sealed class RevisionMarks(WordSession session)
{
    private int _next = -1;
    private readonly DateTime _date = DateTime.UtcNow.AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>A revision id not used by any revision, comment or bookmark in the document.</summary>
    public string NextId()
    {
        if (_next < 0)
        {
            var max = 0;
            foreach (var root in session.StoryRoots())
            {
                foreach (var element in root.Descendants())
                {
                    var id = element.GetAttributes().FirstOrDefault(a => a.LocalName == "id" && a.NamespaceUri == root.NamespaceUri).Value;
                    if (int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > max)
                    {
                        max = value;
                    }
                }
            }

            _next = max + 1;
        }

        return (_next++).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the author, date and a new id on a revision mark (<c>w:ins</c>, <c>w:del</c>, <c>w:rPrChange</c>, …).</summary>
    public T Stamp<T>(T mark)
        where T : OpenXmlElement
    {
        ArgumentNullException.ThrowIfNull(mark);
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        mark.SetAttribute(new OpenXmlAttribute("w", "id", w, NextId()));
        mark.SetAttribute(new OpenXmlAttribute("w", "author", w, session.RevisionAuthor));
        mark.SetAttribute(new OpenXmlAttribute("w", "date", w, _date.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        return mark;
    }

    /// <summary>Wraps <paramref name="run"/> in a <c>w:ins</c> (unless it already is in one).</summary>
    public void MarkInserted(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Parent is InsertedRun)
        {
            return;
        }

        var insert = Stamp(new InsertedRun());
        run.InsertBeforeSelf(insert);
        run.Remove();
        insert.AppendChild(run);
    }

    /// <summary>Wraps <paramref name="run"/> in a <c>w:del</c>: its text becomes deleted text.</summary>
    public void MarkDeleted(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var text in run.Elements<Text>().ToList())
        {
            text.InsertBeforeSelf(new DeletedText(text.Text) { Space = SpaceProcessingModeValues.Preserve });
            text.Remove();
        }

        foreach (var code in run.Elements<FieldCode>().ToList())
        {
            code.InsertBeforeSelf(new DeletedFieldCode(code.Text) { Space = SpaceProcessingModeValues.Preserve });
            code.Remove();
        }

        if (run.Parent is InsertedRun inserted && inserted.Author?.Value == session.RevisionAuthor)
        {
            // Deleting what this author inserted: the insertion simply goes away, as in Word.
            run.Remove();
            if (!inserted.HasChildren)
            {
                inserted.Remove();
            }

            return;
        }

        var delete = Stamp(new DeletedRun());
        run.InsertBeforeSelf(delete);
        run.Remove();
        delete.AppendChild(run);
    }

    /// <summary>Marks a new paragraph as inserted: its runs and its paragraph mark.</summary>
    public void MarkParagraphInserted(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        foreach (var run in ParagraphText.Runs(paragraph).ToList())
        {
            MarkInserted(run);
        }

        MarkRunProperties(paragraph).PrependChild(Stamp(new Inserted()));
    }

    /// <summary>Marks an existing paragraph as deleted: its runs and its paragraph mark.</summary>
    public void MarkParagraphDeleted(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        foreach (var run in ParagraphText.Runs(paragraph).ToList())
        {
            MarkDeleted(run);
        }

        var mark = MarkRunProperties(paragraph);
        if (!mark.Elements<Deleted>().Any())
        {
            mark.PrependChild(Stamp(new Deleted()));
        }
    }

    /// <summary>Records <paramref name="run"/>'s current formatting in a <c>w:rPrChange</c> before it is changed.</summary>
    public void RecordRunFormat(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var properties = run.RunProperties ?? run.PrependChild(new RunProperties());
        if (properties.GetFirstChild<RunPropertiesChange>() is not null)
        {
            return;
        }

        var previous = new PreviousRunProperties();
        foreach (var child in properties.ChildElements)
        {
            previous.AppendChild(child.CloneNode(true));
        }

        var change = Stamp(new RunPropertiesChange());
        change.AppendChild(previous);
        properties.AppendChild(change);
    }

    /// <summary>Records <paramref name="paragraph"/>'s current paragraph properties in a <c>w:pPrChange</c> before they change.</summary>
    public void RecordParagraphFormat(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        if (properties.GetFirstChild<ParagraphPropertiesChange>() is not null)
        {
            return;
        }

        var previous = new ParagraphPropertiesExtended();
        foreach (var child in properties.ChildElements.Where(c => c is not ParagraphMarkRunProperties and not SectionProperties))
        {
            previous.AppendChild(child.CloneNode(true));
        }

        var change = Stamp(new ParagraphPropertiesChange());
        change.AppendChild(previous);
        properties.AppendChild(change);
    }

    private static ParagraphMarkRunProperties MarkRunProperties(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        if (properties.ParagraphMarkRunProperties is { } existing)
        {
            return existing;
        }

        var mark = new ParagraphMarkRunProperties();
        var after = properties.ChildElements.FirstOrDefault(c => c is SectionProperties or ParagraphPropertiesChange);
        if (after is null)
        {
            properties.AppendChild(mark);
        }
        else
        {
            after.InsertBeforeSelf(mark);
        }

        return mark;
    }
}
