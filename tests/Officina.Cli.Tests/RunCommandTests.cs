using System.Text.Json.Nodes;
using Officina.Excel;
using Officina.Planning.Tests;

namespace Officina.Cli.Tests;

/// <summary>
/// <c>run</c> and <c>plan</c> end to end. They set the model's environment variables, so they
/// live in one class (xunit runs a class's tests one after another).
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly string[] Variables = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OFFICINA_MODEL", "OFFICINA_API_STYLE", "OFFICINA_EFFORT", "OFFICINA_MAX_RETRIES"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly CliRun _run = new();

    public RunCommandTests()
    {
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("plan")]
    public async Task Command_SaysWhatToSetAndExits2_WhenNoModelIsConfigured(string verb)
    {
        var input = _run.Copy("basicspread.xlsx");
        var output = _run.PathOf("out.bin");

        var (exit, _, error) = await _run.RunAsync(verb, input, "Make the header bold", "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains("OPENAI_API_KEY", error, StringComparison.Ordinal);
        Assert.Contains("OPENAI_BASE_URL", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Run_WritesVerifiedWorkbook_WhenModelAnswers()
    {
        using var server = new ScriptedModelServer();
        Environment.SetEnvironmentVariable("OPENAI_BASE_URL", server.BaseUrl.ToString());
        Environment.SetEnvironmentVariable("OFFICINA_MODEL", "qwen3:8b");
        server.Enqueue(Chat("load_tools", """{"names":["set_values"]}"""))
            .Enqueue(Chat("set_values", """{"range":"Sheet1!A1","values":[["Total"]]}"""))
            .Enqueue(JsonNode.Parse("""{"choices":[{"index":0,"message":{"role":"assistant","content":"Labelled A1."},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":5}}""")!);
        var input = _run.Copy("basicspread.xlsx");
        var output = _run.PathOf("out.xlsx");

        var (exit, stdout, error) = await _run.RunAsync("run", input, "Label A1 Total", "-o", output, "--json");

        Assert.True(exit == 0, error + stdout);
        var result = JsonNode.Parse(stdout)!;
        Assert.Equal("set_values", (string?)result["plan"]!["operations"]![0]!["op"]);
        Assert.Equal(3, (int)result["usage"]!["requests"]!);
        using var book = WorkbookSession.Open(output);
        var (range, sheet) = book.Resolve("Sheet1!A1");
        Assert.Equal("Total", sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn)).ToString());
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _run.Dispose();
    }

    private static JsonObject Chat(string name, string arguments) => new()
    {
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["finish_reason"] = "tool_calls",
            ["message"] = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = "call_" + Guid.NewGuid().ToString("N"),
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
                }),
            },
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5 },
    };
}
