using Officina.OpenXml.Validation;
using Officina.Operations;

namespace Officina.PowerPoint.Verification;

/// <summary>
/// Checks a deck after operations: layout (<see cref="LayoutChecks"/>: overflowing text, shapes
/// off the slide, empty placeholders and prompt text), then the schema against the input's
/// baseline, then the repairs made on open. Rendering is separate (<c>PdfRenderer</c>), as it
/// needs LibreOffice and takes seconds.
/// </summary>
public static class DeckVerifier
{
    public static Task<VerificationReport> VerifyAsync(DeckSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        var findings = new List<Finding>(LayoutChecks.Check(session));
        var checks = new List<string> { $"layout: {session.Slides.Count} slide(s) checked for overflowing text (estimated), shapes off the slide, empty placeholders and prompt text" };
        session.Document.Save();
        findings.AddRange(PackageValidation.NewErrors(session.Document, () => session.Baseline));
        checks.Add("schema: OpenXmlValidator (Office 2019), against the input's baseline");
        findings.AddRange(session.Repairs.Select(r => new Finding(FindingSeverity.Info, "package_repaired", "package", r)));
        return Task.FromResult(new VerificationReport(findings, checks));
    }
}
