using System.Text.Json.Nodes;
using Officina.Operations;

namespace Officina.Word.Tests;

/// <summary>Walks the Word catalog: the core vocabulary, strict-valid schemas, JSON round trips, each operation's own tests.</summary>
public sealed class CatalogConformanceTests
{
    public static TheoryData<string> Operations() => [.. WordOperations.Catalog.Operations.Select(o => o.Name)];

    [Fact]
    public void Catalog_HasTheCoreVocabulary()
    {
        string[] core =
        [
            "get_outline", "read_paragraphs", "find_text", "insert_paragraph", "insert_heading", "insert_list", "insert_table",
            "set_paragraph_text", "replace_text", "delete_paragraphs", "apply_style", "format_text", "add_comment",
            "insert_page_break", "set_header", "set_footer", "insert_table_of_contents", "fill_content_control",
            "accept_all_revisions", "reject_all_revisions",
        ];

        var missing = core.Where(name => WordOperations.Catalog.Find(DocumentHost.Word, name) is null).ToList();

        Assert.True(missing.Count == 0, "Missing core operations: " + string.Join(", ", missing));
        Assert.All(WordOperations.Catalog.Operations, o => Assert.Equal(DocumentHost.Word, o.Host));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Schema_IsStrictModeValid(string name)
    {
        var descriptor = WordOperations.Catalog.Find(DocumentHost.Word, name)!;

        Assert.Empty(StrictSchemaRules.Violations(descriptor.Schema));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Summary));
        Assert.True(descriptor.Summary.Length <= 120, $"The summary of {name} is longer than one line.");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_RoundTripsThroughJson(string name)
    {
        var descriptor = WordOperations.Catalog.Find(DocumentHost.Word, name)!;
        var sample = (JsonObject)Sample(descriptor.Schema)!;

        var (operation, errors) = Documents.Serializer.ReadOperation(DocumentHost.Word, name, sample);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        var json = PlanSerializer.OperationToJson(operation!);
        json.Remove("op");
        var (again, _) = Documents.Serializer.ReadOperation(DocumentHost.Word, name, json);

        Assert.Equal(PlanSerializer.OperationToJson(operation!).ToJsonString(), PlanSerializer.OperationToJson(again!).ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_HasItsOwnTests(string name)
    {
        var type = WordOperations.Catalog.Find(DocumentHost.Word, name)!.Type;
        var testClass = typeof(CatalogConformanceTests).Assembly.GetTypes().FirstOrDefault(t => t.Name == type.Name + "Tests");

        Assert.True(testClass is not null, $"{type.Name} ({name}) has no {type.Name}Tests class.");
        Assert.Contains(testClass!.GetMethods(), m => m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0);
    }

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
