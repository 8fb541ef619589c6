namespace Officina.Operations;

/// <summary>
/// Registers a record as a plan operation: its snake_case <see cref="Name"/> (the <c>op</c>
/// value in plan JSON and the function name the model calls) and a one-line
/// <see cref="Summary"/> for the tool-search manifest.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OperationAttribute(string name, string summary) : Attribute
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;
}
