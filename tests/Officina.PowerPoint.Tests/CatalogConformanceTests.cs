using System.Text.Json.Nodes;
using Officina.Operations;

namespace Officina.PowerPoint.Tests;

/// <summary>Walks the PowerPoint catalog: every operation registered, strict-valid schema, JSON round trip, its own tests.</summary>
public sealed class CatalogConformanceTests
{
    public static TheoryData<string> Operations() => [.. PowerPointOperations.Catalog.Operations.Select(o => o.Name)];

    [Fact]
    public void Catalog_HasTheCoreVocabulary()
    {
        string[] core =
        [
            "list_slides", "read_slide", "list_layouts", "add_slide", "duplicate_slide", "delete_slide", "move_slide", "set_text",
            "replace_text", "add_text_box", "add_table", "add_chart", "add_image", "set_notes", "delete_shape", "set_shape_geometry",
        ];

        var missing = core.Where(name => PowerPointOperations.Catalog.Find(DocumentHost.PowerPoint, name) is null).ToList();

        Assert.True(missing.Count == 0, "Missing core operations: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Schema_IsStrictModeValid(string name)
    {
        var descriptor = PowerPointOperations.Catalog.Find(DocumentHost.PowerPoint, name)!;

        Assert.Empty(StrictSchemaRules.Violations(descriptor.Schema));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Summary));
        Assert.True(descriptor.Summary.Length <= 120, $"The summary of {name} is longer than one line.");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_RoundTripsThroughJson(string name)
    {
        var descriptor = PowerPointOperations.Catalog.Find(DocumentHost.PowerPoint, name)!;
        var sample = SampleArguments.For(descriptor);

        var (operation, errors) = Decks.Serializer.ReadOperation(DocumentHost.PowerPoint, name, sample);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        var json = PlanSerializer.OperationToJson(operation!);
        json.Remove("op");
        var (again, _) = Decks.Serializer.ReadOperation(DocumentHost.PowerPoint, name, json);

        Assert.Equal(PlanSerializer.OperationToJson(operation!).ToJsonString(), PlanSerializer.OperationToJson(again!).ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_HasItsOwnTests(string name)
    {
        var type = PowerPointOperations.Catalog.Find(DocumentHost.PowerPoint, name)!.Type;
        var testClass = typeof(CatalogConformanceTests).Assembly.GetTypes().FirstOrDefault(t => t.Name == type.Name + "Tests");

        Assert.True(testClass is not null, $"{type.Name} ({name}) has no {type.Name}Tests class.");
        Assert.Contains(testClass!.GetMethods(), m => m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0);
    }
}

/// <summary>Builds a schema-conforming argument object for any operation, for round-trip checks.</summary>
internal static class SampleArguments
{
    public static JsonObject For(OperationDescriptor descriptor) => (JsonObject)Value(descriptor.Schema, "")!;

    private static JsonNode? Value(JsonNode schema, string name)
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
        var type = types.FirstOrDefault(t => t != "null") ?? "null";
        return type switch
        {
            "object" => new JsonObject(schema["properties"]!.AsObject().Select(p => KeyValuePair.Create(p.Key, Value(p.Value!, p.Key)))),
            "array" => new JsonArray(Value(schema["items"]!, name)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "string" => "x",
            _ => null,
        };
    }
}
