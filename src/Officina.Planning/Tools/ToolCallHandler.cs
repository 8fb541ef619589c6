using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Operations;

namespace Officina.Planning.Tools;

/// <summary>The answer to one tool call: the text the model reads, and whether the call succeeded.</summary>
public sealed record ToolCallResult(string Output, bool Succeeded, Operation? Applied = null, Change? Change = null)
{
    /// <summary>What the operation read or changed (a range, slide, paragraph), for progress; null when it named nothing or failed.</summary>
    public string? Target { get; init; }
}

/// <summary>
/// Runs the model's tool calls against the working copy: <c>load_tools</c> loads definitions,
/// read operations are answered with observations, write operations are validated and
/// applied. Malformed JSON, unknown names and validation errors come back as text the model
/// can act on; nothing here throws for bad model output.
/// </summary>
public sealed class ToolCallHandler(IDocumentSession session, PlanSerializer serializer, ToolDefinitions tools)
{
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    /// <summary>Operations whose full definitions the model has loaded (manifest path) or found (tool search).</summary>
    public IReadOnlyCollection<string> Loaded => _loaded;

    public void MarkLoaded(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (tools.Find(name) is not null)
            {
                _loaded.Add(name);
            }
        }
    }

    /// <summary>Answers one tool call; <paramref name="cancellationToken"/> reaches into the operation's long loops (a cancelled call throws).</summary>
    public ToolCallResult Handle(string rawName, string arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rawName);
        ArgumentNullException.ThrowIfNull(arguments);

        // Some servers qualify the name with its namespace ("excel_cells.set_values").
        var name = rawName.Contains('.', StringComparison.Ordinal) ? rawName[(rawName.LastIndexOf('.') + 1)..] : rawName;
        JsonObject? args;
        try
        {
            args = JsonNode.Parse(arguments.Length == 0 ? "{}" : arguments) as JsonObject;
        }
        catch (JsonException ex)
        {
            return Fail($"The arguments of '{name}' are not valid JSON ({ex.Message.Split(" Path:")[0]}). Send one JSON object with the operation's properties.");
        }

        if (args is null)
        {
            return Fail($"The arguments of '{name}' must be a JSON object. Given: {arguments[..Math.Min(80, arguments.Length)]}");
        }

        if (name == ToolDefinitions.LoadTools)
        {
            return Load(args);
        }

        var (operation, errors) = serializer.ReadOperation(session.Host, name, args);
        if (operation is null)
        {
            return Fail(Errors(name, errors));
        }

        OperationOutcome outcome;
        try
        {
            outcome = session.Execute(operation, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            return Fail($"'{name}' could not be applied: {ex.Message}");
        }

        if (!outcome.Succeeded)
        {
            return Fail(Errors(name, outcome.Errors));
        }

        _loaded.Add(name);
        if (outcome.Observation is { } observation)
        {
            return new ToolCallResult(observation.Text, true) { Target = observation.Target };
        }

        var change = outcome.Change!;
        return new ToolCallResult($"OK: {change.Summary}", true, operation, change) { Target = change.Target };
    }

    private ToolCallResult Load(JsonObject args)
    {
        var names = (args["names"] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).Where(s => s is not null).Select(s => s!).ToList();
        if (names is null || names.Count == 0)
        {
            return Fail("load_tools needs 'names': an array of operation names from the manifest, e.g. {\"names\": [\"set_values\"]}.");
        }

        var known = names.Where(n => tools.Find(n) is not null).Distinct().ToList();
        var unknown = names.Except(known).ToList();
        MarkLoaded(known);
        var text = new StringBuilder();
        if (known.Count > 0)
        {
            text.Append($"Loaded: {string.Join(", ", known)}. Their full definitions are now in your tools.");
        }

        if (unknown.Count > 0)
        {
            var hints = unknown.Select(u => serializer.Catalog.Suggest(session.Host, u).FirstOrDefault() is { } s ? $"'{u}' (did you mean '{s}'?)" : $"'{u}'");
            text.Append($" Not in the manifest: {string.Join(", ", hints)}.");
        }

        return new ToolCallResult(text.ToString().Trim(), known.Count > 0);
    }

    private static string Errors(string name, IReadOnlyList<OperationError> errors) =>
        $"ERROR: '{name}' was not applied; nothing changed. Fix and call again:\n" + string.Join("\n", errors.Select(e => $"- {e.Path}: {e.Message} [{e.Rule}]"));

    private static ToolCallResult Fail(string message) =>
        new(message.StartsWith("ERROR", StringComparison.Ordinal) ? message : "ERROR: " + message, false);
}
