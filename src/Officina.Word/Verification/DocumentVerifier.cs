using DocumentFormat.OpenXml.Wordprocessing;
using Officina.OpenXml.Validation;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Verification;

/// <summary>
/// Checks a document after operations: schema errors (<c>OpenXmlValidator</c>), comment ranges
/// and references that do not pair up with a comment, and leftover placeholder text (template
/// prompts such as "[Insert name]", "{{field}}", "Lorem ipsum", content controls still showing
/// their placeholder). After an edit every finding is compared with the input's own (see
/// <see cref="FindingBaseline"/>; schema errors by <see cref="PackageValidation.Judge"/>): what
/// the input already had is reported apart as pre-existing and never fails the edit. A session
/// with no changes (the verify command) judges the document itself.
/// </summary>
public static class DocumentVerifier
{
    public static Task<VerificationReport> VerifyAsync(WordSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        var checks = new List<string>();
        var content = new List<Finding>(CommentRanges(session));
        checks.Add("comments: ranges, references and comment entries pair up");
        content.AddRange(Placeholders(session, cancellationToken));
        checks.Add("placeholders: leftover template prompts and content controls showing placeholder text");
        var (findings, preExisting) = (content, new List<Finding>());
        if (session.Changes.Count > 0 && content.Count > 0)
        {
            using var input = session.OpenInput();
            if (input is not null)
            {
                (findings, preExisting) = FindingBaseline.Split(content, [.. CommentRanges(input), .. Placeholders(input, cancellationToken)]);
                checks.Add("comments and placeholders: compared with the input's; those it already had are listed as pre-existing");
            }
        }

        session.Document.Save();
        var (schema, knownSchema) = PackageValidation.Judge(session.Document, () => session.Baseline, cancellationToken);
        findings.AddRange(schema);
        preExisting.AddRange(knownSchema);
        checks.Add("schema: OpenXmlValidator (Office 2019), against the input's baseline");
        findings.AddRange(session.Repairs.Select(r => new Finding(FindingSeverity.Info, "package_repaired", "package", r)));
        return Task.FromResult(new VerificationReport(findings, checks) { PreExisting = preExisting });
    }

    /// <summary>Comment markers in the body that have no comment, comments with no reference, ranges missing one end.</summary>
    public static IEnumerable<Finding> CommentRanges(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var comments = session.MainPart.WordprocessingCommentsPart?.Comments?.Elements<Comment>().Select(c => c.Id?.Value).OfType<string>().ToHashSet() ?? [];
        var starts = session.Body.Descendants<CommentRangeStart>().Select(c => c.Id?.Value).OfType<string>().ToHashSet();
        var ends = session.Body.Descendants<CommentRangeEnd>().Select(c => c.Id?.Value).OfType<string>().ToHashSet();
        var references = session.Body.Descendants<CommentReference>().Select(c => c.Id?.Value).OfType<string>().ToHashSet();
        foreach (var id in starts.Union(ends).Union(references).Where(id => !comments.Contains(id)).Order(StringComparer.Ordinal))
        {
            yield return new Finding(FindingSeverity.Error, "comment_missing", $"comment {id}", $"The body marks comment {id} but the comments part has no such comment.");
        }

        foreach (var id in starts.Except(ends).Union(ends.Except(starts)).Where(comments.Contains).Order(StringComparer.Ordinal))
        {
            yield return new Finding(FindingSeverity.Error, "comment_range", $"comment {id}", $"The range of comment {id} has a {(starts.Contains(id) ? "start but no end" : "end but no start")}.");
        }

        foreach (var id in comments.Where(id => !references.Contains(id)).Order(StringComparer.Ordinal))
        {
            yield return new Finding(FindingSeverity.Warning, "comment_unreferenced", $"comment {id}", $"Comment {id} is not referenced from the body, so Word does not show it.");
        }
    }

    /// <summary>Paragraphs that still hold template prompts, and content controls showing their placeholder.</summary>
    public static IEnumerable<Finding> Placeholders(WordSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var reported = 0;
        foreach (var paragraph in session.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (paragraph.Ancestors<SdtElement>().Any(s => s.SdtProperties?.GetFirstChild<ShowingPlaceholder>() is not null))
            {
                continue;
            }

            if (TemplatePrompts.Find(ParagraphText.Of(paragraph)) is { } prompt && reported++ < 50)
            {
                yield return new Finding(FindingSeverity.Warning, "placeholder_text", $"paragraph {paragraph.ParagraphId?.Value}",
                    $"Leftover placeholder text \"{prompt}\".");
            }
        }

        foreach (var control in session.Body.Descendants<SdtElement>().Where(s => s.SdtProperties?.GetFirstChild<ShowingPlaceholder>() is not null))
        {
            var properties = control.SdtProperties!;
            var name = properties.GetFirstChild<Tag>()?.Val?.Value ?? properties.GetFirstChild<SdtAlias>()?.Val?.Value ?? "(unnamed)";
            yield return new Finding(FindingSeverity.Warning, "placeholder_control", $"content control {name}", $"Content control '{name}' still shows its placeholder text.");
        }
    }
}
