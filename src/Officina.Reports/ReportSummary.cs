using Officina.Operations;

namespace Officina.Reports;

/// <summary>How one record ended.</summary>
public enum ReportRecordStatus
{
    /// <summary>Written; verification found no errors.</summary>
    Succeeded,

    /// <summary>Written, but verification found errors (the findings say where).</summary>
    VerificationErrors,

    /// <summary>Not written: a field was missing, the plan was invalid, or an operation failed.</summary>
    Failed,
}

/// <summary>One record's outcome: its output name, status, number of changes, verification findings and errors (with paths such as <c>template:{{name}}</c> or <c>plan:$.operations[1].rows</c>).</summary>
public sealed record ReportRecordResult(
    int Record,
    string? Output,
    ReportRecordStatus Status,
    int Changes,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<OperationError> Errors);

/// <summary>Progress after each record: record <see cref="Record"/> of <see cref="Total"/>, its output name and status.</summary>
public sealed record ReportProgress(int Record, int Total, string? Name, ReportRecordStatus Status);

/// <summary>What a batch did: where it wrote, and every record's outcome in order.</summary>
public sealed record ReportSummary(string? Output, IReadOnlyList<ReportRecordResult> Records)
{
    public int Succeeded => Records.Count(r => r.Status == ReportRecordStatus.Succeeded);

    public int WithVerificationErrors => Records.Count(r => r.Status == ReportRecordStatus.VerificationErrors);

    public int Failed => Records.Count(r => r.Status == ReportRecordStatus.Failed);

    /// <summary>Documents written (with or without verification errors).</summary>
    public int Written => Records.Count(r => r.Status != ReportRecordStatus.Failed);
}
