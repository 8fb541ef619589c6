using Officina.Operations;

namespace Officina.Mcp;

/// <summary>
/// A tool call the server refuses: a path outside the roots, an unknown session, a plan that
/// does not validate. It reaches the model as a tool error (<c>isError</c>) carrying the same
/// errors the CLI and the REST API give (path, rule, message naming the bad value), so the agent
/// can fix its arguments and call again.
/// </summary>
public sealed class ToolRefusalException : Exception
{
    public ToolRefusalException()
        : this("$", "refused", "The call was refused.")
    {
    }

    public ToolRefusalException(string message)
        : this("$", "refused", message)
    {
    }

    public ToolRefusalException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new("$", "refused", message)];
    }

    public ToolRefusalException(string path, string rule, string message)
        : this([new OperationError(path, rule, message)])
    {
    }

    public ToolRefusalException(IReadOnlyList<OperationError> errors)
        : base(string.Join(Environment.NewLine, (errors ?? []).Select(e => e.ToString())))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    public IReadOnlyList<OperationError> Errors { get; }
}
