using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Officina.Operations;

/// <summary>
/// Generates the JSON schema of an operation's arguments from its C# record, shaped for
/// OpenAI strict mode: every property listed in <c>required</c> (optional ones nullable),
/// <c>additionalProperties: false</c> on every object, descriptions from
/// <see cref="DescriptionAttribute"/>.
/// </summary>
public static class OperationSchemas
{
    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Transform,
    };

    public static JsonObject For(Type operationType)
    {
        ArgumentNullException.ThrowIfNull(operationType);
        var node = PlanJson.Options.GetJsonSchemaAsNode(operationType, ExporterOptions).AsObject();
        var summary = operationType.GetCustomAttribute<OperationAttribute>()?.Summary;
        if (summary is not null)
        {
            node.Insert(0, "description", summary);
        }

        MakeStrict(node);
        return node;
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        // Types with custom converters export as 'any'; give cell values their real shape.
        if (context.TypeInfo.Type == typeof(CellValue) || context.TypeInfo.Type == typeof(CellValue?))
        {
            schema = CellValueSchema();
        }
        else if ((context.TypeInfo.ElementType == typeof(CellValue) || context.TypeInfo.ElementType == typeof(CellValue?)) && schema is JsonObject array)
        {
            array["items"] = CellValueSchema();
        }

        // The exporter does not call back for 'any' schemas, so cell-valued properties are fixed from their parent.
        if (context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && schema is JsonObject parent && parent["properties"] is JsonObject props)
        {
            foreach (var property in context.TypeInfo.Properties)
            {
                if ((property.PropertyType == typeof(CellValue) || property.PropertyType == typeof(CellValue?)) && props.ContainsKey(property.Name))
                {
                    var cell = CellValueSchema();
                    var text = property.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), true).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
                    if (text is not null)
                    {
                        cell.Insert(0, "description", text);
                    }

                    props[property.Name] = cell;
                }
            }
        }

        var description = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), true)
            .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        if (description is not null && schema is JsonObject obj)
        {
            obj.Remove("description");
            obj.Insert(0, "description", description);
        }

        return schema;
    }

    private static JsonObject CellValueSchema() => new() { ["type"] = new JsonArray("string", "number", "boolean", "null") };

    private static void MakeStrict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("default");
                obj.Remove("$schema");

                // Nullable enums export as an enum list containing null with no type; strict mode wants the type too.
                if (obj["type"] is null && obj["enum"] is JsonArray values)
                {
                    var types = new JsonArray();
                    foreach (var kind in values.Select(v => v is null ? "null" : v.GetValueKind() == JsonValueKind.String ? "string" : v.GetValueKind() == JsonValueKind.Number ? "number" : "boolean").Distinct())
                    {
                        types.Add(kind);
                    }

                    obj["type"] = types;
                }
                if (obj["properties"] is null && obj["type"] is JsonValue t && (string?)t == "object")
                {
                    obj["properties"] = new JsonObject();
                }

                if (obj["properties"] is JsonObject properties)
                {
                    obj["required"] = new JsonArray([.. properties.Select(p => (JsonNode)JsonValue.Create(p.Key))]);
                    obj["additionalProperties"] = false;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    MakeStrict(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    MakeStrict(child);
                }

                break;
        }
    }
}

/// <summary>Checks a schema against the subset of JSON Schema that OpenAI strict mode accepts.</summary>
public static class StrictSchemaRules
{
    private static readonly HashSet<string> Keywords =
    [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf",
        "description", "$ref", "$defs", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
    ];

    /// <summary>Every violation, as "path: rule"; empty when the schema is strict-valid.</summary>
    public static IReadOnlyList<string> Violations(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var found = new List<string>();
        if (schema["type"]?.GetValueKind() != JsonValueKind.String || (string?)schema["type"] != "object")
        {
            found.Add("$: the root must be a single object type");
        }

        Walk(schema, "$", 0, found);
        return found;
    }

    private static void Walk(JsonObject schema, string path, int depth, List<string> found)
    {
        if (depth > 10)
        {
            found.Add($"{path}: nesting deeper than 10 levels");
        }

        foreach (var (key, value) in schema)
        {
            if (!Keywords.Contains(key))
            {
                found.Add($"{path}: keyword '{key}' is not supported in strict mode");
            }

            if (key == "type" && value is null)
            {
                found.Add($"{path}: type must not be null");
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            if (schema["additionalProperties"] is not JsonValue ap || ap.GetValue<bool>())
            {
                found.Add($"{path}: additionalProperties must be false");
            }

            var required = (schema["required"] as JsonArray)?.Select(n => (string?)n).ToHashSet() ?? [];
            foreach (var (name, child) in properties)
            {
                if (!required.Contains(name))
                {
                    found.Add($"{path}.{name}: every property must be listed in required");
                }

                if (child is JsonObject childObject)
                {
                    Walk(childObject, $"{path}.{name}", depth + 1, found);
                }
                else
                {
                    found.Add($"{path}.{name}: property schema must be an object");
                }
            }
        }
        else if (HasType(schema, "object"))
        {
            found.Add($"{path}: objects must list their properties");
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, path + "[]", depth + 1, found);
        }
        else if (HasType(schema, "array"))
        {
            found.Add($"{path}: arrays must give an items schema");
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            foreach (var branch in anyOf.OfType<JsonObject>())
            {
                Walk(branch, path, depth + 1, found);
            }
        }
    }

    private static bool HasType(JsonObject schema, string type) => schema["type"] switch
    {
        JsonValue v => (string?)v == type,
        JsonArray a => a.Any(n => (string?)n == type),
        _ => false,
    };
}
