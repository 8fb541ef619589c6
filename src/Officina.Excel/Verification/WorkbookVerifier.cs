using Officina.OpenXml.Validation;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>Checks a workbook after operations: schema errors the edit added (recalculation joins here).</summary>
public static class WorkbookVerifier
{
    public static Task<VerificationReport> VerifyAsync(WorkbookSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        session.Document.Save();
        var findings = PackageValidation.NewErrors(session.Document, session.Baseline);
        return Task.FromResult(new VerificationReport(findings, ["schema: OpenXmlValidator (Office 2019), against the input's baseline"]));
    }
}
