namespace Officina.Operations;

/// <summary>How serious a verification finding is.</summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One thing verification found, anchored where a person would look: <c>Sheet1!B12</c>,
/// <c>slide 4</c>, a paragraph id, or a package part.
/// </summary>
public sealed record Finding(FindingSeverity Severity, string Code, string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>The outcome of verification: findings plus what was checked and with which engine.</summary>
public sealed record VerificationReport(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Checks)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    public static VerificationReport Empty { get; } = new([], []);

    public VerificationReport Merge(VerificationReport other) =>
        new([.. Findings, .. other.Findings], [.. Checks, .. other.Checks]);
}
