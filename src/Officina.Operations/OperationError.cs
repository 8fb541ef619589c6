namespace Officina.Operations;

/// <summary>
/// Why an operation or plan cannot be applied: where (a JSON path into the plan, e.g.
/// <c>$.operations[2].range</c>), which rule, and a message naming the bad value, written
/// so that a model or a person can fix the plan from it alone.
/// </summary>
public sealed record OperationError(string Path, string Rule, string Message)
{
    /// <summary>The same error with its path placed under <paramref name="prefix"/>.</summary>
    public OperationError Under(string prefix)
    {
        if (Path.Length == 0 || Path == "$")
        {
            return this with { Path = prefix };
        }

        var relative = Path.StartsWith("$.", StringComparison.Ordinal) ? Path[2..] : Path.TrimStart('$');
        var separator = relative.StartsWith('[') ? "" : ".";
        return this with { Path = prefix + separator + relative };
    }

    public override string ToString() => $"{Path}: {Message} [{Rule}]";
}
