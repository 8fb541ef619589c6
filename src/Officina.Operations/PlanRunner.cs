namespace Officina.Operations;

/// <summary>The outcome of applying a plan: the changes and observations, or the errors of the operation that stopped it.</summary>
public sealed record PlanApplyResult(
    IReadOnlyList<Change> Changes,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<OperationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Applies a plan's operations in order to a session's working copy. The first operation
/// that fails validation stops the run; the caller must then discard the session (nothing is
/// saved), so a failed plan changes nothing. Cancellation is checked before each operation and,
/// through <see cref="IDocumentSession.Execute"/>, inside each one's long loops; it throws
/// <see cref="OperationCanceledException"/>, and the session is discarded the same way.
/// </summary>
public static class PlanRunner
{
    public static PlanApplyResult Apply(IDocumentSession session, Plan plan, IProgress<PlanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Host != session.Host)
        {
            return new([], [], [new("$.host", "host", $"The plan is for {plan.Host.ToName()} but the document is a {session.Host.ToName()} document.")]);
        }

        if (session is IRevisionTracking tracking)
        {
            tracking.TrackChanges = plan.TrackChanges;
        }

        var changes = new List<Change>();
        var observations = new List<Observation>();
        for (var i = 0; i < plan.Operations.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = plan.Operations[i];
            progress?.Report(new PlanProgress(i, plan.Operations.Count, operation.Op));
            OperationOutcome outcome;
            try
            {
                outcome = session.Execute(operation, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
            {
                outcome = OperationOutcome.Failed([new("$", "apply", $"'{operation.Op}' could not be applied: {ex.Message}")]);
            }

            if (!outcome.Succeeded)
            {
                return new(changes, observations, [.. outcome.Errors.Select(e => e.Under($"$.operations[{i}]"))]);
            }

            if (outcome.Change is not null)
            {
                changes.Add(outcome.Change);
            }

            if (outcome.Observation is not null)
            {
                observations.Add(outcome.Observation);
            }
        }

        progress?.Report(new PlanProgress(plan.Operations.Count, plan.Operations.Count, null));
        return new(changes, observations, []);
    }
}

/// <summary>Progress through a plan: operations done, the total, and the op now running.</summary>
public sealed record PlanProgress(int Done, int Total, string? Current);
