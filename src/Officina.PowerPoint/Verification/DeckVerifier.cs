using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.Validation;
using Officina.Operations;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Verification;

/// <summary>
/// Checks a deck after operations: layout (<see cref="LayoutChecks"/>: overflowing text, shapes
/// off the slide, empty placeholders and prompt text), then the schema against the input's
/// baseline, then the repairs made on open. Rendering is separate (<c>PdfRenderer</c>), as it
/// needs LibreOffice and takes seconds.
/// </summary>
/// <remarks>
/// After an edit, layout findings are compared with the input's slide by slide. Slides are
/// matched by their id (<c>p:sldId/@id</c>, which survives moves and insertions), not their
/// position; a finding is pre-existing when the input's slide with the same id had the same
/// finding (code and message, which names the shape). Slides the edit touched (new, or whose
/// XML differs from the input's) are reported first. A session with no changes (the verify
/// command) judges the deck itself.
/// </remarks>
public static class DeckVerifier
{
    public static Task<VerificationReport> VerifyAsync(DeckSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        var checks = new List<string> { $"layout: {session.Slides.Count} slide(s) checked for overflowing text (estimated), shapes off the slide, empty placeholders and prompt text" };
        var (findings, preExisting) = session.Changes.Count == 0 ? ([.. LayoutChecks.Check(session, cancellationToken)], []) : CompareWithInput(session, checks, cancellationToken);
        session.Document.Save();
        var (schema, knownSchema) = PackageValidation.Judge(session.Document, () => session.Baseline, cancellationToken);
        findings.AddRange(schema);
        preExisting.AddRange(knownSchema);
        checks.Add("schema: OpenXmlValidator (Office 2019), against the input's baseline");
        findings.AddRange(session.Repairs.Select(r => new Finding(FindingSeverity.Info, "package_repaired", "package", r)));
        return Task.FromResult(new VerificationReport(findings, checks) { PreExisting = preExisting });
    }

    private static (List<Finding> Findings, List<Finding> PreExisting) CompareWithInput(DeckSession session, List<string> checks, CancellationToken cancellationToken)
    {
        using var input = session.OpenInput();
        var before = input is null ? [] : SlidesById(input);
        var output = SlidesById(session);
        var touched = output.Where(s => !before.TryGetValue(s.Key, out var old) || old.Xml != s.Value.Xml).Select(s => s.Key).ToHashSet();
        var slideOf = new Dictionary<Finding, uint>(ReferenceEqualityComparer.Instance);
        var current = new List<Finding>();
        foreach (var (id, slide) in output.OrderByDescending(s => touched.Contains(s.Key)).ThenBy(s => s.Value.Position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var finding in LayoutChecks.Check(session, slide.Part, slide.Position))
            {
                slideOf[finding] = id;
                current.Add(finding);
            }
        }

        var earlier = new List<Finding>();
        foreach (var (id, slide) in before)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var finding in LayoutChecks.Check(input!, slide.Part, slide.Position))
            {
                slideOf[finding] = id;
                earlier.Add(finding);
            }
        }

        checks.Add($"layout: compared with the input slide by slide; {touched.Count} slide(s) touched by the edit are listed first");
        return FindingBaseline.Split(current, earlier, f => slideOf[f].ToString(System.Globalization.CultureInfo.InvariantCulture), matchElsewhere: false);
    }

    private static Dictionary<uint, (SlidePart Part, int Position, string Xml)> SlidesById(DeckSession deck)
    {
        var slides = new Dictionary<uint, (SlidePart, int, string)>();
        var position = 0;
        foreach (var id in deck.Presentation.SlideIdList?.Elements<P.SlideId>() ?? [])
        {
            if (id.RelationshipId?.Value is { } relationship && deck.PresentationPart.TryGetPartById(relationship, out var part) && part is SlidePart slide)
            {
                slides.TryAdd(id.Id?.Value ?? 0, (slide, ++position, slide.Slide?.OuterXml ?? ""));
            }
        }

        return slides;
    }
}
