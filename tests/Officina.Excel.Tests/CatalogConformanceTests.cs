using System.Text.Json.Nodes;
using Officina.Excel;
using Officina.Operations;

namespace Officina.Excel.Tests;

/// <summary>Walks the Excel catalog: every operation registered, strict-valid schema, JSON round trip, its own tests.</summary>
public sealed class CatalogConformanceTests
{
    public static TheoryData<string> Operations() => [.. ExcelOperations.Catalog.Operations.Select(o => o.Name)];

    [Fact]
    public void Catalog_HasTheCoreVocabulary()
    {
        string[] core =
        [
            "list_sheets", "read_range", "find_cells", "add_sheet", "rename_sheet", "delete_sheet", "set_values", "set_formulas",
            "clear_range", "copy_range", "insert_rows", "delete_rows", "insert_columns", "delete_columns", "format_range",
            "merge_cells", "set_column_width", "freeze_panes", "define_name", "create_table", "sort_range", "remove_rows_where",
            "add_conditional_format", "add_data_validation", "add_chart", "create_pivot_table", "add_comment",
        ];

        var missing = core.Where(name => ExcelOperations.Catalog.Find(DocumentHost.Excel, name) is null).ToList();

        Assert.True(missing.Count == 0, "Missing core operations: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Schema_IsStrictModeValid(string name)
    {
        var descriptor = ExcelOperations.Catalog.Find(DocumentHost.Excel, name)!;

        Assert.Empty(StrictSchemaRules.Violations(descriptor.Schema));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Summary));
        Assert.True(descriptor.Summary.Length <= 120, $"The summary of {name} is longer than one line.");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_RoundTripsThroughJson(string name)
    {
        var descriptor = ExcelOperations.Catalog.Find(DocumentHost.Excel, name)!;
        var sample = SampleArguments.For(descriptor);

        var (operation, errors) = Workbooks.Serializer.ReadOperation(DocumentHost.Excel, name, sample);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        var json = PlanSerializer.OperationToJson(operation!);
        json.Remove("op");
        var (again, _) = Workbooks.Serializer.ReadOperation(DocumentHost.Excel, name, json);

        Assert.Equal(PlanSerializer.OperationToJson(operation!).ToJsonString(), PlanSerializer.OperationToJson(again!).ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_HasItsOwnTests(string name)
    {
        var type = ExcelOperations.Catalog.Find(DocumentHost.Excel, name)!.Type;
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
            "string" when name.Contains("range", StringComparison.Ordinal) => "Sheet1!A1:B2",
            "string" => "x",
            _ => null,
        };
    }
}
