using System.Text.Json.Nodes;

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

/// <summary>
/// The outcome of verification: findings plus what was checked and with which engine.
/// <see cref="Findings"/> hold what the edit introduced (they judge it: an Error fails it);
/// <see cref="PreExisting"/> hold what the input already had, with severity Info, so a
/// broken cell or an off-slide shape the plan never touched does not fail an edit.
/// </summary>
public sealed record VerificationReport(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Checks)
{
    /// <summary>Findings the input already had (each with severity Info); they never fail an edit.</summary>
    public IReadOnlyList<Finding> PreExisting { get; init; } = [];

    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    public static VerificationReport Empty { get; } = new([], []);

    public VerificationReport Merge(VerificationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. Findings, .. other.Findings], [.. Checks, .. other.Checks]) { PreExisting = [.. PreExisting, .. other.PreExisting] };
    }
}

/// <summary>The verification report as every front end prints it (CLI <c>--json</c>, MCP): snake_case keys, lowercase severities.</summary>
public static class VerificationReportJson
{
    public static JsonObject From(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new()
        {
            ["has_errors"] = report.HasErrors,
            ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode?)c)]),
            ["findings"] = Findings(report.Findings),
            ["pre_existing"] = Findings(report.PreExisting),
        };
    }

    private static JsonArray Findings(IEnumerable<Finding> findings) =>
        new([.. findings.Select(f => (JsonNode?)new JsonObject
        {
            ["severity"] = f.Severity.ToString().ToLowerInvariant(),
            ["code"] = f.Code,
            ["location"] = f.Location,
            ["message"] = f.Message,
        })]);
}
