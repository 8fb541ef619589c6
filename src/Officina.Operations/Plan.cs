namespace Officina.Operations;

/// <summary>
/// The artifact that passes between model, user, API, add-in and engine: a host, the
/// instruction it answers, whether writes are tracked revisions, and operations applied in
/// order. Read and write plan JSON with <see cref="PlanSerializer"/>.
/// </summary>
public sealed record Plan(
    DocumentHost Host,
    string? Instruction,
    bool TrackChanges,
    IReadOnlyList<Operation> Operations)
{
    public static Plan For(DocumentHost host, params IEnumerable<Operation> operations) =>
        new(host, null, false, [.. operations]);
}
