using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Officina.Operations;

/// <summary>The outcome of reading plan JSON: a plan, or every error found in it.</summary>
public sealed record PlanReadResult(Plan? Plan, IReadOnlyList<OperationError> Errors)
{
    public bool Succeeded => Plan is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and writes plan JSON against a catalog. Reading never throws for bad input: it
/// returns errors with JSON paths (<c>$.operations[3].values[0][1]</c>) and messages that
/// name the rule and the bad value.
/// </summary>
public sealed partial class PlanSerializer(OperationCatalog catalog)
{
    private static readonly HashSet<string> PlanProperties = ["host", "instruction", "track_changes", "operations", "$schema", "metadata", "usage"];

    /// <summary>The per-operation property that lists the operations it depends on: written for people and UIs, ignored when read.</summary>
    public const string DependsOnProperty = "depends_on";

    public OperationCatalog Catalog { get; } = catalog;

    public PlanReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return Fail("$", "json", $"The plan is not valid JSON: {CleanMessage(ex.Message)} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        if (root is not JsonObject obj)
        {
            return Fail("$", "plan_object", $"A plan must be a JSON object with 'host' and 'operations'. Given: {Kind(root)}.");
        }

        var errors = new List<OperationError>();
        foreach (var (name, _) in obj)
        {
            if (!PlanProperties.Contains(name))
            {
                errors.Add(new($"$.{name}", "unknown_property", $"Plans have the properties host, instruction, track_changes and operations. Given: unknown property '{name}'."));
            }
        }

        var hostName = obj["host"] is JsonValue hv && hv.TryGetValue<string>(out var h) ? h : null;
        if (!DocumentHosts.TryParse(hostName, out var host) || hostName is null)
        {
            errors.Add(new("$.host", "host", $"The host must be one of excel, word, powerpoint. Given: {Describe(obj["host"])}."));
            return new(null, errors);
        }

        string? instruction = null;
        if (obj["instruction"] is { } instructionNode)
        {
            if (instructionNode is JsonValue iv && iv.TryGetValue<string>(out var text))
            {
                instruction = text;
            }
            else
            {
                errors.Add(new("$.instruction", "type", $"The instruction must be a string or null. Given: {Describe(instructionNode)}."));
            }
        }

        var trackChanges = false;
        if (obj["track_changes"] is { } trackNode)
        {
            if (trackNode.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                trackChanges = trackNode.GetValue<bool>();
            }
            else
            {
                errors.Add(new("$.track_changes", "type", $"track_changes must be true or false. Given: {Describe(trackNode)}."));
            }
        }

        if (obj["operations"] is not JsonArray array)
        {
            errors.Add(new("$.operations", "operations", $"A plan needs an 'operations' array. Given: {Describe(obj["operations"])}."));
            return new(null, errors);
        }

        var operations = new List<Operation>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.operations[{i}]";
            if (array[i] is not JsonObject opObject)
            {
                errors.Add(new(path, "operation_object", $"Each operation must be an object with an 'op' name. Given: {Describe(array[i])}."));
                continue;
            }

            var opName = opObject["op"] is JsonValue ov && ov.TryGetValue<string>(out var n) ? n : null;
            if (opName is null)
            {
                errors.Add(new($"{path}.op", "op", $"Each operation needs an 'op' name (a string). Given: {Describe(opObject["op"])}."));
                continue;
            }

            var arguments = new JsonObject();
            foreach (var (key, value) in opObject)
            {
                // depends_on is derived (PlanDependencies) and shown by the API; a plan sent back with it reads as without.
                if (key is not ("op" or DependsOnProperty))
                {
                    arguments[key] = value?.DeepClone();
                }
            }

            var (operation, opErrors) = ReadOperation(host, opName, arguments);
            if (operation is not null)
            {
                operations.Add(operation);
            }

            errors.AddRange(opErrors.Select(e => e.Rule == "unknown_op" ? e with { Path = $"{path}.op" } : e.Under(path)));
        }

        return errors.Count > 0 ? new(null, errors) : new(new Plan(host, instruction, trackChanges, operations), []);
    }

    /// <summary>
    /// Reads one operation's arguments (as a model's tool call carries them). Errors have paths
    /// relative to the arguments object.
    /// </summary>
    public (Operation? Operation, IReadOnlyList<OperationError> Errors) ReadOperation(DocumentHost host, string name, JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var descriptor = Catalog.Find(host, name);
        if (descriptor is null)
        {
            var suggestions = Catalog.Suggest(host, name).ToList();
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?" : "";
            return (null, [new("$", "unknown_op", $"There is no {host.ToName()} operation named '{name}'.{hint} See 'officina catalog --host {host.ToName()}'.")]);
        }

        var errors = new List<OperationError>();
        var properties = descriptor.Schema["properties"]!.AsObject();
        foreach (var (key, _) in arguments)
        {
            if (!properties.ContainsKey(key))
            {
                errors.Add(new($"$.{key}", "unknown_property",
                    $"'{name}' has the properties {string.Join(", ", properties.Select(p => p.Key))}. Given: unknown property '{key}'."));
            }
        }

        foreach (var (key, schema) in properties)
        {
            if (!arguments.ContainsKey(key) && !AllowsNull(schema))
            {
                errors.Add(new($"$.{key}", "required", $"'{name}' needs '{key}'{DescribeSchema(schema)}. Given: nothing."));
            }
        }

        // Checked before the operation is built: no operation may write text an XML part cannot hold.
        errors.AddRange(XmlText.Problems(arguments, name));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        try
        {
            var operation = (Operation?)arguments.Deserialize(descriptor.Type, PlanJson.Options);
            return operation is null
                ? (null, [new("$", "operation_object", $"'{name}' needs an object of arguments. Given: null.")])
                : (operation, []);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return (null, [new(path, "type", $"'{name}': {TypeMessage(ex, arguments, descriptor.Schema, path)}")]);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            return (null, [new("$", "invalid_argument", $"'{name}': {ex.Message}")]);
        }
    }

    public string Write(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ToJson(plan).ToJsonString(PlanJson.Options);
    }

    public static JsonObject ToJson(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var operations = new JsonArray();
        foreach (var operation in plan.Operations)
        {
            operations.Add(OperationToJson(operation));
        }

        return new JsonObject
        {
            ["host"] = plan.Host.ToName(),
            ["instruction"] = plan.Instruction,
            ["track_changes"] = plan.TrackChanges,
            ["operations"] = operations,
        };
    }

    public static JsonObject OperationToJson(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var node = JsonSerializer.SerializeToNode(operation, operation.GetType(), PlanJson.Options)!.AsObject();
        node.Insert(0, "op", operation.Op);
        return node;
    }

    private static PlanReadResult Fail(string path, string rule, string message) => new(null, [new(path, rule, message)]);

    private static bool AllowsNull(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Any(t => (string?)t == "null"),
        JsonValue type => (string?)type == "null",

        // A nullable enum exports as an enum whose values include null, without a type.
        _ => schema?["enum"] is JsonArray values && values.Any(v => v is null),
    };

    private static string DescribeSchema(JsonNode? schema) =>
        schema?["description"] is JsonValue d ? $" ({(string?)d})" : "";

    private static string TypeMessage(JsonException ex, JsonObject arguments, JsonObject schema, string path)
    {
        var given = Describe(Locate(arguments, path));
        var expected = Expected(LocateSchema(schema, path));
        return expected is not null
            ? $"{(path.Length > 2 ? path[2..] : "the arguments")} must be {expected}. Given: {given}."
            : $"{CleanMessage(ex.Message)} Given: {given}.";
    }

    /// <summary>The schema of the value at a JSON path, following properties and array items.</summary>
    private static JsonNode? LocateSchema(JsonNode? schema, string path)
    {
        foreach (Match segment in PathSegment().Matches(path))
        {
            schema = segment.Groups["name"].Success ? schema?["properties"]?[segment.Groups["name"].Value] : schema?["items"];
        }

        return schema;
    }

    private static string? Expected(JsonNode? schema)
    {
        if (schema?["enum"] is JsonArray values)
        {
            return "one of " + string.Join(", ", values.Where(v => v is not null).Select(v => v!.ToJsonString()));
        }

        var types = schema?["type"] switch
        {
            JsonArray a => a.Select(t => (string?)t).ToList(),
            JsonValue v => [(string?)v],
            _ => [],
        };
        var words = types.Where(t => t is not null).Select(t => t switch
        {
            "string" => "a string",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "array" => "an array",
            "object" => "an object",
            _ => t!,
        }).ToList();
        return words.Count == 0 ? null : string.Join(" or ", words);
    }

    private static JsonNode? Locate(JsonNode? node, string path)
    {
        foreach (Match segment in PathSegment().Matches(path))
        {
            node = segment.Groups["name"].Success
                ? (node as JsonObject)?[segment.Groups["name"].Value]
                : node is JsonArray a && int.TryParse(segment.Groups["index"].Value, out var i) && i < a.Count ? a[i] : null;
        }

        return node;
    }

    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray a => $"an array of {a.Count}",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"'{Truncate((string)v!)}'",
        _ => Truncate(node.ToJsonString()),
    };

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..77] + "...";

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"\.(?<name>\w+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
