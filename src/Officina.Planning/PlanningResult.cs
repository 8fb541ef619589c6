using Officina.Operations;
using Officina.Planning.Model;

namespace Officina.Planning;

/// <summary>Bounds on one planning run. Each bound that is hit ends the run with a <see cref="PlanningException"/> naming it.</summary>
public sealed record LoopLimits
{
    /// <summary>Model requests, repair rounds included.</summary>
    public int MaxSteps { get; init; } = 40;

    /// <summary>Input plus output tokens over the whole run.</summary>
    public long MaxTokens { get; init; } = 2_000_000;

    public TimeSpan WallTime { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Times verification findings are sent back for repair.</summary>
    public int MaxRepairRounds { get; init; } = 2;

    /// <summary>Failed tool calls in a row (bad JSON, unknown operation, validation errors) before giving up.</summary>
    public int MaxConsecutiveFailures { get; init; } = 5;

    /// <summary>Answers cut off at the output limit before giving up.</summary>
    public int MaxTruncations { get; init; } = 2;

    public int MaxOutputTokens { get; init; } = 32_000;

    public int DigestTokens { get; init; } = Digest.DefaultTokenBudget;

    /// <summary>o200k tokens of source text in the first message, shared between the sources (at least 500 each).</summary>
    public int SourceTokens { get; init; } = 12_000;

    /// <summary>o200k tokens one <c>read_source</c> call returns at most.</summary>
    public int ReadSourceTokens { get; init; } = 6_000;
}

/// <summary>
/// What a planning run produced: the plan (the write operations that succeeded, in order,
/// replayable without the model), the changes they made to the working copy, the last
/// verification report, usage and cost, and how the run went.
/// </summary>
public sealed record PlanningResult(
    Plan Plan,
    IReadOnlyList<Change> Changes,
    VerificationReport Verification,
    ModelUsage Usage,
    ReasoningEffort Effort,
    int Steps,
    int RepairRounds,
    string? Message,
    IReadOnlyList<string> LoadedTools)
{
    /// <summary>Where values taken from sources came from (<c>cite_source</c>); in a workbook they are also on the "Sources" sheet.</summary>
    public IReadOnlyList<Tools.SourceCitation> Citations { get; init; } = [];
}

/// <summary>
/// A planning run that could not finish: <see cref="Reason"/> is one of <c>refusal</c>,
/// <c>truncated</c>, <c>step_limit</c>, <c>token_limit</c>, <c>wall_time</c>,
/// <c>invalid_tool_calls</c>, <c>model_request</c>. The working copy must be discarded.
/// </summary>
public sealed class PlanningException : Exception
{
    public PlanningException()
    {
    }

    public PlanningException(string message)
        : base(message)
    {
    }

    public PlanningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlanningException(string reason, string message, ModelUsage usage, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        Usage = usage;
    }

    public string Reason { get; } = "failed";

    public ModelUsage Usage { get; } = ModelUsage.Zero;
}
