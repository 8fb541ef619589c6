using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Officina.Planning.Tests;

namespace Officina.Service.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> read from the running service: each form's fields as the endpoints take them,
/// the error answers they give, and requests built only from the document, as a generated client would.
/// </summary>
public sealed class OpenApiTests : IDisposable
{
    private const string Problem = "#/components/schemas/ApiProblem";

    /// <summary>What a generated client's user fills in, by field name ("path name" first for a field whose value depends on the endpoint).</summary>
    private static readonly Dictionary<string, string> TextSamples = new(StringComparer.Ordinal)
    {
        ["instruction"] = "Label A1 and B1",
        ["plan"] = ServiceApp.Plan,
        ["/api/v1/reports plan"] = Encoding.UTF8.GetString(ReportForms.Shipped("invoice/plan.json")),
        ["/api/v1/schedules plan"] = Encoding.UTF8.GetString(ReportForms.Shipped("invoice/plan.json")),
        ["name"] = "{{invoice_number}}",
        ["pages"] = "1",
        ["cron"] = "0 7 1 * *",
        ["time_zone"] = "Europe/Berlin",
        ["schedule_name"] = "Monthly invoices",
    };

    private static readonly Dictionary<string, (string Name, byte[] Content)> FileSamples = new(StringComparer.Ordinal)
    {
        ["file"] = ("basicspread.xlsx", ServiceApp.Asset("basicspread.xlsx")),
        ["sources"] = ("regions.csv", Encoding.UTF8.GetBytes("region,revenue\nNorth,100\nSouth,80\n")),
        ["template"] = ("invoice.docx", ReportForms.Shipped("invoice/invoice.docx")),
        ["data"] = ("data.json", ReportForms.Shipped("invoice/data.json")),
    };

    private readonly ScriptedModelServer _model = new();
    private readonly ServiceApp _app;

    public OpenApiTests()
    {
        _app = new ServiceApp(new()
        {
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["OFFICINA_MODEL"] = "qwen3:8b",
            ["OFFICINA_MAX_RETRIES"] = "0",
        });
    }

    // Each field as name:type, [values] when only some are taken, (min..max), =default, ! when required.
    [Theory]
    [InlineData("/api/v1/jobs", "202 JobView", "file:binary", "instruction:string!", "host:string[excel,word,powerpoint]",
        "mode:string[apply,preview]=apply", "effort:string[none,low,medium,high,xhigh]", "sources:binary[]")]
    [InlineData("/api/v1/plans/apply", "202 JobView", "file:binary!", "plan:string!", "sources:binary[]")]
    [InlineData("/api/v1/plans/{id}/replay", "202 JobView", "file:binary!", "sources:binary[]")]
    [InlineData("/api/v1/reports", "202 JobView", "template:binary!", "data:binary!", "plan:string", "name:string", "missing:string[fail,empty,keep]=fail")]
    [InlineData("/api/v1/verify", "202 JobView", "file:binary!")]
    [InlineData("/api/v1/render", "202 JobView", "file:binary!", "format:string[pdf,png]=pdf", "pages:string", "dpi:integer(36..300)=96")]
    [InlineData("/api/v1/jobs/{id}/render", "202 JobView", "format:string[pdf,png]=pdf", "pages:string", "dpi:integer(36..300)=96")]
    [InlineData("/api/v1/schedules", "201 ScheduleView", "template:binary!", "data:binary!", "plan:string", "name:string", "missing:string[fail,empty,keep]=fail",
        "cron:string!", "time_zone:string=UTC", "schedule_name:string")]
    public async Task Document_ListsEachFormField_WithItsTypeValuesAndRequirement(string path, string success, params string[] expected)
    {
        var document = await DocumentAsync();
        var operation = Post(document, path);

        var form = FormSchema(operation);
        var required = form["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        var fields = form["properties"]!.AsObject().Select(p => Notation(p.Key, p.Value!.AsObject(), required.Contains(p.Key))).ToList();

        Assert.Equal(expected, fields);
        Assert.All(form["properties"]!.AsObject(), p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["description"]), $"{path} {p.Key} has no description"));
        var (status, schema) = (success.Split(' ')[0], success.Split(' ')[1]);
        Assert.Equal($"#/components/schemas/{schema}", (string?)operation["responses"]![status]?["content"]?["application/json"]?["schema"]?["$ref"]);
    }

    [Fact]
    public async Task Document_DescribesTheApproveBody_AsOptionalOperationIndexes()
    {
        var document = await DocumentAsync();
        var body = Post(document, "/api/v1/jobs/{id}/approve")["requestBody"]!;

        var schema = Resolve(document, body["content"]!["application/json"]!["schema"]!);
        var operations = schema["properties"]!["operations"]!;

        Assert.NotEqual(true, (bool?)body["required"]);
        Assert.DoesNotContain("operations", schema["required"]?.AsArray().Select(r => (string?)r) ?? []);
        Assert.Contains("array", Types(operations));
        Assert.Contains("integer", Types(operations["items"]!));
        Assert.Equal("#/components/schemas/JobView", (string?)Post(document, "/api/v1/jobs/{id}/approve")["responses"]!["202"]!["content"]!["application/json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public async Task Document_ListsProblemResponses_ForEveryApiOperation()
    {
        var document = await DocumentAsync();

        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key.ToUpperInvariant()} {p.Key}", Operation: o.Value!)))
            .ToList();

        Assert.True(operations.Count >= 20, $"Only {operations.Count} operations under /api/v1");
        Assert.All(operations, o =>
        {
            var problems = o.Operation["responses"]!.AsObject()
                .Where(r => (string?)r.Value!["content"]?["application/problem+json"]?["schema"]?["$ref"] == Problem)
                .Select(r => r.Key)
                .ToList();
            Assert.True(problems.Contains("401") && problems.Contains("429") && problems.Contains("503") && problems.Any(s => s is not ("401" or "429" or "503")),
                $"{o.Name} lists the problem responses [{string.Join(", ", problems)}]; expected 401, 429, 503 and its own");
            if (o.Operation["requestBody"]?["content"]?["multipart/form-data"] is not null)
            {
                Assert.True(problems.Contains("400") && problems.Contains("413") && problems.Contains("415") && problems.Contains("507"), $"{o.Name} reads a form but lists [{string.Join(", ", problems)}]");
            }
        });
    }

    [Fact]
    public async Task ProblemSchema_ListsEveryPropertyOfTheProblemsTheServiceSends()
    {
        var document = await DocumentAsync();
        var problem = Resolve(document, JsonValue.Create(Problem)!);
        var error = Resolve(document, problem["properties"]!["errors"]!["items"]!);
        using var client = _app.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "instruction" }, { new StringContent("bogus"), "mode" }, { new StringContent("excel"), "host" } };

        using var invalid = await client.PostAsync("/api/v1/jobs", form);
        using var missing = await client.GetAsync("/api/v1/jobs/j_0123456789abcdef0123456789abcdef");
        var invalidBody = await ServiceApp.JsonAsync(invalid);
        var missingBody = await ServiceApp.JsonAsync(missing);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Empty(invalidBody.Select(p => p.Key).Concat(missingBody.Select(p => p.Key)).Except(problem["properties"]!.AsObject().Select(p => p.Key)));
        Assert.Empty(invalidBody["errors"]![0]!.AsObject().Select(p => p.Key).Except(error["properties"]!.AsObject().Select(p => p.Key)));
        Assert.Equal("$.mode", (string?)invalidBody["errors"]![0]!["path"]);
    }

    [Theory]
    [InlineData("/api/v1/jobs")]
    [InlineData("/api/v1/plans/apply")]
    [InlineData("/api/v1/reports")]
    public async Task GeneratedClient_SubmitsAJobThatSucceeds_WhenTheFormIsBuiltFromTheDocument(string path)
    {
        ScriptTwoWrites();
        var document = await DocumentAsync();
        using var client = _app.CreateClient();

        using var form = FormFromDocument(document, path);
        using var response = await client.PostAsync(path, form);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);
        Assert.True((string?)job["status"] == "succeeded", $"{path}: {job.ToJsonString()}");
    }

    [Theory]
    [InlineData("/api/v1/jobs")]
    [InlineData("/api/v1/plans/apply")]
    [InlineData("/api/v1/reports")]
    [InlineData("/api/v1/verify")]
    [InlineData("/api/v1/render")]
    [InlineData("/api/v1/schedules")]
    public async Task GeneratedClient_IsRefusedNamingTheField_WhenARequiredFieldIsLeftOut(string path)
    {
        var document = await DocumentAsync();
        var required = FormSchema(Post(document, path))["required"]!.AsArray().Select(r => (string)r!).ToList();
        using var client = _app.CreateClient();

        Assert.NotEmpty(required);
        foreach (var name in required)
        {
            using var form = FormFromDocument(document, path, leaveOut: name);
            var empty = !form.Any();
            using var response = await client.PostAsync(path, form);
            var body = await response.Content.ReadAsStringAsync();

            // A multipart body with no parts at all cannot be read as a form: still a 400, naming the body.
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} without {name}: {(int)response.StatusCode} {body}");
            Assert.Equal(empty ? "$" : $"$.{name}", (string?)JsonNode.Parse(body)!["errors"]![0]!["path"]);
        }
    }

    public void Dispose()
    {
        _app.Dispose();
        _model.Dispose();
    }

    /// <summary>A multipart request made only from the document: each property filled by its type, values, default and name; binary ones as files.</summary>
    private static MultipartFormDataContent FormFromDocument(JsonObject document, string path, string? leaveOut = null)
    {
        var schema = FormSchema(Post(document, path));
        var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        var form = new MultipartFormDataContent();
        foreach (var (name, node) in schema["properties"]!.AsObject())
        {
            var property = node!.AsObject();
            if (name == leaveOut)
            {
                continue;
            }

            var binary = (string?)property["format"] == "binary" || (string?)property["items"]?["format"] == "binary";
            if (binary)
            {
                Assert.True(FileSamples.TryGetValue(name, out var file), $"No sample file for the binary field '{name}' of {path}");
                form.Add(new ByteArrayContent(file.Content), name, file.Name);
                continue;
            }

            var value = property["default"]?.ToString()
                ?? property["enum"]?[0]?.ToString()
                ?? (Types(property).Contains("integer") ? property["minimum"]?.ToString() : null)
                ?? (TextSamples.TryGetValue($"{path} {name}", out var specific) ? specific : TextSamples.GetValueOrDefault(name));
            Assert.True(value is not null || !required.Contains(name), $"No sample value for the required field '{name}' of {path}");
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        return form;
    }

    private static JsonObject FormSchema(JsonNode operation) =>
        operation["requestBody"]?["content"]?["multipart/form-data"]?["schema"]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"The operation has no multipart/form-data body: {operation["requestBody"]?.ToJsonString() ?? "none"}");

    private static JsonNode Post(JsonObject document, string path) =>
        document["paths"]?[path]?["post"] ?? throw new Xunit.Sdk.XunitException($"The document has no POST {path}");

    /// <summary>A schema with its <c>$ref</c> (or the non-null branch of a nullable <c>oneOf</c>) followed.</summary>
    private static JsonObject Resolve(JsonObject document, JsonNode schema)
    {
        if (schema is JsonValue reference)
        {
            return document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject();
        }

        if (schema["$ref"] is { } target)
        {
            return Resolve(document, JsonValue.Create((string)target!)!);
        }

        return schema["oneOf"]?.AsArray().FirstOrDefault(s => s!["$ref"] is not null) is { } branch ? Resolve(document, branch) : schema.AsObject();
    }

    private static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => (string)t!)],
        { } one => [(string)one!],
        null => [],
    };

    private static string Notation(string name, JsonObject property, bool required)
    {
        var type = Types(property) is ["array"] ? $"{(string?)property["items"]?["format"] ?? Types(property["items"]!)[0]}[]" : (string?)property["format"] == "binary" ? "binary" : Types(property)[0];
        var values = property["enum"] is JsonArray choices ? $"[{string.Join(",", choices.Select(c => c!.ToString()))}]" : "";
        var range = property["minimum"] is not null || property["maximum"] is not null ? $"({property["minimum"]}..{property["maximum"]})" : "";
        var fallback = property["default"] is { } value ? $"={value}" : "";
        return $"{name}:{type}{values}{range}{fallback}{(required ? "!" : "")}";
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ServiceApp.JsonAsync(response);
    }

    private void ScriptTwoWrites() => _model
        .Enqueue(Turns.Chat(Turns.Call("load_tools", new { names = new[] { "set_values" } })))
        .Enqueue(Turns.Chat(Turns.Call("set_values", new { range = "Sheet1!A1", values = new[] { new[] { "Total" } } })))
        .Enqueue(Turns.Chat(Turns.Call("set_values", new { range = "Sheet1!B1", values = new[] { new[] { "Second" } } })))
        .Enqueue(Turns.ChatText("Labelled A1 and B1."));
}
