using System.ComponentModel;
using System.Text.Json.Nodes;
using Officina.Operations;

namespace Officina.Operations.Tests;

public sealed class PlanSerializerTests
{
    private static readonly PlanSerializer Serializer = new(OperationCatalog.Create(typeof(PlanSerializerTests).Assembly));

    [Fact]
    public void Read_ReturnsPlan_WhenJsonIsValid()
    {
        var result = Serializer.Read("""
            { "host": "excel", "instruction": "fill", "operations": [
              { "op": "put_text", "target": "A1", "text": "hi" },
              { "op": "put_text", "target": "A2", "text": "there", "repeat": 2 } ] }
            """);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(DocumentHost.Excel, result.Plan!.Host);
        Assert.Equal("fill", result.Plan.Instruction);
        Assert.Equal([new PutText("A1", "hi"), new PutText("A2", "there", 2)], result.Plan.Operations);
    }

    [Fact]
    public void Read_NamesTheOpAndSuggests_WhenOpIsUnknown()
    {
        var result = Serializer.Read("""{ "host": "excel", "operations": [ { "op": "put_txt", "target": "A1", "text": "x" } ] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.operations[0].op", error.Path);
        Assert.Contains("'put_txt'", error.Message);
        Assert.Contains("'put_text'", error.Message);
    }

    [Fact]
    public void Read_GivesPathAndBadValue_WhenValueHasWrongType()
    {
        var result = Serializer.Read("""{ "host": "excel", "operations": [ { "op": "put_text", "target": "A1", "text": "x", "repeat": "twice" } ] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.operations[0].repeat", error.Path);
        Assert.Contains("whole number", error.Message);
        Assert.Contains("'twice'", error.Message);
    }

    [Fact]
    public void Read_IgnoresDependsOn_WhenAPlanShownByTheApiIsSentBack()
    {
        var result = Serializer.Read("""{ "host": "excel", "operations": [ { "op": "put_text", "target": "A1", "text": "x", "depends_on": [] } ] }""");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.DoesNotContain("depends_on", Serializer.Write(result.Plan!), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReportsMissingAndUnknownProperties()
    {
        var result = Serializer.Read("""{ "host": "excel", "operations": [ { "op": "put_text", "text": "x", "colour": "red" } ] }""");

        Assert.Contains(result.Errors, e => e.Path == "$.operations[0].target" && e.Rule == "required");
        Assert.Contains(result.Errors, e => e.Path == "$.operations[0].colour" && e.Rule == "unknown_property");
    }

    [Theory]
    [InlineData("""{ "op": "put_text", "target": "A1", "text": "bad\u0001name" }""", "$.operations[0].text", "U+0001 at character 4 ('bad\\u0001name')")]
    [InlineData("""{ "op": "put_text", "target": "nul\u0000", "text": "x" }""", "$.operations[0].target", "U+0000 at character 4")]
    [InlineData("""{ "op": "put_text", "target": "A1", "text": "not a char \uFFFE" }""", "$.operations[0].text", "U+FFFE at character 12")]
    [InlineData("""{ "op": "put_text", "target": "A1", "text": "half \ud800 pair" }""", "$.operations[0].text", "half of a surrogate pair")]
    [InlineData("""{ "op": "put_value", "target": "A1", "value": "\u001b[31m" }""", "$.operations[0].value", "U+001B at character 1")]
    public void Read_GivesPathAndCharacter_WhenAStringHoldsWhatXmlCannot(string operation, string path, string message)
    {
        var result = Serializer.Read($$"""{ "host": "excel", "operations": [ {{operation}} ] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal("xml_char", error.Rule);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("an Office file cannot store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeepsTabsLineBreaksAndAstralCharacters()
    {
        var result = Serializer.Read("""{ "host": "excel", "operations": [ { "op": "put_text", "target": "A1", "text": "a\tb\r\nc \ud83d\ude00" } ] }""");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("a\tb\r\nc \U0001F600", ((PutText)result.Plan!.Operations[0]).Text);
    }

    [Theory]
    [InlineData("[1]", "plan_object")]
    [InlineData("{\"host\": \"visio\", \"operations\": []}", "host")]
    [InlineData("{\"host\": \"excel\"}", "operations")]
    [InlineData("{\"host\": \"excel\", \"operations\": [", "json")]
    public void Read_Fails_WhenPlanShapeIsWrong(string json, string rule)
    {
        var result = Serializer.Read(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Rule == rule);
    }

    [Fact]
    public void Write_RoundTrips_WithOpFirst()
    {
        var plan = new Plan(DocumentHost.Excel, "x", true, [new PutText("B2", "y", null)]);

        var json = Serializer.Write(plan);
        var again = Serializer.Read(json);

        Assert.StartsWith("{", json);
        Assert.Equal("put_text", JsonNode.Parse(json)!["operations"]![0]!.AsObject().First().Value!.GetValue<string>());
        Assert.True(again.Succeeded);
        Assert.Equal(plan.Operations, again.Plan!.Operations);
        Assert.True(again.Plan.TrackChanges);
    }

    [Fact]
    public void Schema_IsStrictModeValid_AndMarksOptionalAsNullable()
    {
        var schema = OperationSchemas.For(typeof(PutText));

        Assert.Empty(StrictSchemaRules.Violations(schema));
        Assert.Equal(["target", "text", "repeat"], schema["required"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("null", schema["properties"]!["repeat"]!["type"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("Cell to write", (string?)schema["properties"]!["target"]!["description"]);
    }

    [Fact]
    public void StrictRules_Reject_SchemaWithOptionalProperty()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"a":{"type":"string"}},"required":[],"additionalProperties":false}""")!.AsObject();

        Assert.Contains(StrictSchemaRules.Violations(schema), v => v.Contains("required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "target": "A1", "value": 3 }""", "3")]
    [InlineData("""{ "target": "A1", "value": "x" }""", "x")]
    [InlineData("""{ "target": "A1", "value": null }""", "")]
    [InlineData("""{ "target": "A1" }""", "")]
    public void ReadOperation_ReadsSingleCellValue_IncludingNullAndMissing(string json, string expected)
    {
        var (operation, errors) = Serializer.ReadOperation(DocumentHost.Excel, "put_value", JsonNode.Parse(json)!.AsObject());

        Assert.True(errors.Count == 0, OperationSchemas.For(typeof(PutValue)).ToJsonString());
        Assert.Equal(expected, ((PutValue)operation!).Value?.ToString() ?? "");
        Assert.Empty(StrictSchemaRules.Violations(OperationSchemas.For(typeof(PutValue))));
    }

    [Operation("put_value", "Test operation with a single cell value.")]
    private sealed record PutValue(string Target, CellValue? Value = null) : WriteOperation<FakeSession>
    {
        public override IEnumerable<OperationError> Validate(FakeSession session) => [];

        public override Change Apply(FakeSession session) => new("put_value", Target, Value?.ToString() ?? "");
    }

    [Operation("put_text", "Test operation.")]
    private sealed record PutText(
        [property: Description("Cell to write")] string Target,
        string Text,
        int? Repeat = null) : WriteOperation<FakeSession>
    {
        public override IEnumerable<OperationError> Validate(FakeSession session) => [];

        public override Change Apply(FakeSession session) => new("put_text", Target, Text);
    }

    private sealed class FakeSession : IHostSession
    {
        public static DocumentHost HostKind => DocumentHost.Excel;

        public DocumentHost Host => DocumentHost.Excel;

        public IReadOnlyList<Change> Changes => [];

        public string Inspect(int tokenBudget = Digest.DefaultTokenBudget) => "";

        public Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default) => Task.FromResult(VerificationReport.Empty);

        public void Save(Stream output)
        {
        }

        public void Dispose()
        {
        }
    }
}
