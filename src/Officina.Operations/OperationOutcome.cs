namespace Officina.Operations;

/// <summary>The result of executing one operation: a change, an observation, or the errors that stopped it.</summary>
public sealed record OperationOutcome(Change? Change, Observation? Observation, IReadOnlyList<OperationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static OperationOutcome Changed(Change change) => new(change, null, []);

    public static OperationOutcome Observed(Observation observation) => new(null, observation, []);

    public static OperationOutcome Failed(IReadOnlyList<OperationError> errors) => new(null, null, errors);
}
