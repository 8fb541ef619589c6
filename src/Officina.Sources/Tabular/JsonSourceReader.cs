using System.Text.Json;
using System.Text.Json.Nodes;

namespace Officina.Sources.Tabular;

/// <summary>
/// Reads JSON into one unit per leaf value, anchored by its path (<c>[$.revenue[2].amount] 1200</c>),
/// in document order, so a value can be cited by the path it came from.
/// </summary>
public static class JsonSourceReader
{
    public static SourceDocument Read(string name, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new SourceRejectedException($"\"{name}\" is not valid JSON: {ex.Message}", ex);
        }

        var units = new List<SourceUnit>();
        Flatten(root, "$", units);
        return new SourceDocument(name, SourceKind.Json, "path", units);
    }

    private static void Flatten(JsonNode? node, string path, List<SourceUnit> units)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    var segment = key.All(c => char.IsLetterOrDigit(c) || c == '_') ? $".{key}" : $"[{JsonSerializer.Serialize(key)}]";
                    Flatten(value, path + segment, units);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], $"{path}[{i}]", units);
                }

                break;
            default:
                units.Add(new SourceUnit(units.Count + 1, $"[{path}] {node?.ToJsonString() ?? "null"}"));
                break;
        }
    }
}
