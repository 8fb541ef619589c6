using System.Text.Json.Nodes;
using Officina.Operations;
using Xunit;

namespace Officina.Testing;

/// <summary>
/// Walks one host's catalog: the core vocabulary is there, every operation belongs to the
/// host, has a strict-mode-valid schema and a one-line summary, round-trips through JSON, and
/// has its own <c>&lt;Type&gt;Tests</c> class with facts. Linked into each host's test project.
/// </summary>
public abstract class CatalogConformance
{
    protected abstract OperationCatalog Catalog { get; }

    protected abstract DocumentHost Host { get; }

    /// <summary>The operations DESIGN.md section 2 requires of this host.</summary>
    protected abstract IReadOnlyList<string> CoreVocabulary { get; }

    private IReadOnlyList<OperationDescriptor> Operations => [.. Catalog.ForHost(Host)];

    [Fact]
    public void Catalog_HasTheCoreVocabulary()
    {
        var missing = CoreVocabulary.Where(name => Catalog.Find(Host, name) is null).ToList();

        Assert.True(missing.Count == 0, "Missing core operations: " + string.Join(", ", missing));
        Assert.All(Catalog.Operations, o => Assert.Equal(Host, o.Host));
    }

    [Fact]
    public void EveryOperation_HasStrictSchemaAndOneLineSummary()
    {
        var problems = Operations
            .SelectMany(d => StrictSchemaRules.Violations(d.Schema).Select(v => $"{d.Name}: {v}")
                .Concat(string.IsNullOrWhiteSpace(d.Summary) || d.Summary.Length > 120 ? [$"{d.Name}: the summary must be one line"] : []))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryOperation_RoundTripsThroughJson()
    {
        var serializer = new PlanSerializer(Catalog);
        var problems = new List<string>();
        foreach (var descriptor in Operations)
        {
            var (operation, errors) = serializer.ReadOperation(Host, descriptor.Name, (JsonObject)Sample(descriptor.Schema)!);
            if (operation is null)
            {
                problems.Add($"{descriptor.Name}: {string.Join("; ", errors)}");
                continue;
            }

            var json = PlanSerializer.OperationToJson(operation);
            json.Remove("op");
            var (again, _) = serializer.ReadOperation(Host, descriptor.Name, json);
            if (again is null || PlanSerializer.OperationToJson(again).ToJsonString() != PlanSerializer.OperationToJson(operation).ToJsonString())
            {
                problems.Add($"{descriptor.Name}: does not read back as written");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryOperation_HasItsOwnTests()
    {
        var types = GetType().Assembly.GetTypes();
        var missing = Operations
            .Where(d => types.FirstOrDefault(t => t.Name == d.Type.Name + "Tests") is not { } tests
                || !tests.GetMethods().Any(m => m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0))
            .Select(d => $"{d.Type.Name} ({d.Name}) has no {d.Type.Name}Tests class with facts")
            .ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>A schema-conforming value: the first enum value, 1, 1.5, true, "x", one-item arrays, every property.</summary>
    private static JsonNode? Sample(JsonNode schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        var types = schema["type"] switch
        {
            JsonArray a => a.Select(t => (string)t!).ToList(),
            JsonValue v => [(string)v!],
            _ => ["string"],
        };
        return (types.FirstOrDefault(t => t != "null") ?? "null") switch
        {
            "object" => new JsonObject(schema["properties"]!.AsObject().Select(p => KeyValuePair.Create(p.Key, Sample(p.Value!)))),
            "array" => new JsonArray(Sample(schema["items"]!)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "string" => "x",
            _ => null,
        };
    }
}
