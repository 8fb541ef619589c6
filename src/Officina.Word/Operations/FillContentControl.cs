using System.ComponentModel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Fills content controls (structured document tags) found by tag or title, in the body,
/// headers and footers: their content becomes the text, keeping the formatting of the first
/// paragraph and run inside, and they stop showing placeholder text.
/// </summary>
[Operation("fill_content_control", "Fill content controls found by tag or title with text.")]
public sealed record FillContentControl(
    [property: Description("The text to put in the control; line feeds start new paragraphs in block controls")] string Text,
    [property: Description("The control's tag; null to find it by title")] string? Tag = null,
    [property: Description("The control's title (alias); null to find it by tag")] string? Title = null)
    : WriteOperation<WordSession>
{
    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Text is null)
        {
            yield return new("text", "text_required", "text is required.");
        }

        if (Tag is null && Title is null)
        {
            yield return new("tag", "control_required", "Give the control's tag or title.");
            yield break;
        }

        if (Controls(session).Count == 0)
        {
            var known = AllControls(session).Select(s => $"tag '{s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value}' / title '{s.SdtProperties?.GetFirstChild<SdtAlias>()?.Val?.Value}'").Distinct().Take(10).ToList();
            yield return new(Tag is null ? "title" : "tag", "control_exists",
                $"There is no content control with {(Tag is null ? $"title '{Title}'" : $"tag '{Tag}'")}. {(known.Count == 0 ? "The document has no content controls." : "Controls: " + string.Join("; ", known) + ".")}");
        }
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var controls = Controls(session);
        foreach (var control in controls)
        {
            Fill(session, control);
        }

        var name = Tag ?? Title!;
        return new Change("fill_content_control", name, $"Filled {controls.Count} content control(s) '{name}'", controls.Count);
    }

    private void Fill(WordSession session, SdtElement control)
    {
        control.SdtProperties?.RemoveAllChildren<ShowingPlaceholder>();
        var content = control.ChildElements.FirstOrDefault(c => c is SdtContentBlock or SdtContentRun or SdtContentCell);
        if (content is null)
        {
            return;
        }

        var paragraphs = content.Descendants<Paragraph>().ToList();
        if (content is SdtContentRun || paragraphs.Count == 0)
        {
            var runs = content.Descendants<Run>().ToList();
            var model = runs.FirstOrDefault();
            var replacement = RunSplitter.NewRunLike(model, Text.Replace("\n", " ", StringComparison.Ordinal));
            Replace(session, content, runs, replacement);
            return;
        }

        var first = paragraphs[0];
        SetParagraphText.Replace(session, first, Text.Split('\n')[0]);
        foreach (var extra in paragraphs.Skip(1))
        {
            if (session.TrackChanges)
            {
                session.Revisions.MarkParagraphDeleted(extra);
            }
            else if (extra.Parent is not TableCell || extra.Parent.Elements<Paragraph>().Count() > 1)
            {
                extra.Remove();
            }
        }

        OpenXmlElement previous = first;
        foreach (var line in Text.Split('\n').Skip(1))
        {
            var paragraph = (Paragraph)first.CloneNode(false);
            if (first.ParagraphProperties is { } properties)
            {
                paragraph.AppendChild(properties.CloneNode(true));
            }

            paragraph.ParagraphId = null;
            paragraph.AppendChild(RunSplitter.NewRunLike(ParagraphText.Runs(first).FirstOrDefault(), line));
            previous = previous.InsertAfterSelf(paragraph);
            ParagraphFactory.Track(session, paragraph);
        }
    }

    private static void Replace(WordSession session, OpenXmlElement content, List<Run> runs, Run replacement)
    {
        if (session.TrackChanges)
        {
            foreach (var run in runs)
            {
                session.Revisions.MarkDeleted(run);
            }

            content.AppendChild(replacement);
            session.Revisions.MarkInserted(replacement);
            return;
        }

        content.RemoveAllChildren();
        content.AppendChild(replacement);
    }

    private List<SdtElement> Controls(WordSession session) => [.. AllControls(session).Where(s =>
        (Tag is not null && string.Equals(s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value, Tag, StringComparison.OrdinalIgnoreCase))
        || (Tag is null && Title is not null && string.Equals(s.SdtProperties?.GetFirstChild<SdtAlias>()?.Val?.Value, Title, StringComparison.OrdinalIgnoreCase)))];

    private static IEnumerable<SdtElement> AllControls(WordSession session) =>
        session.StoryRoots().Where(r => r is Document or Header or Footer).SelectMany(r => r.Descendants<SdtElement>());
}
