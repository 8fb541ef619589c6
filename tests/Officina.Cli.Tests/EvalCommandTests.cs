using System.Text.Json.Nodes;
using Officina.Cli.Commands;
using Officina.Cli.Evals;
using Officina.Planning.Model;
using Officina.Planning.Tests;

namespace Officina.Cli.Tests;

/// <summary>
/// The eval harness against the scripted server (CI never calls a real model): the shipped
/// suite in tests/Evals, with the recorded model turns in tests/Evals/recorded.
/// </summary>
public sealed class EvalCommandTests
{
    private static readonly string Suite = Path.Combine(AppContext.BaseDirectory, "Evals");

    private static readonly string[] Recorded = ["excel-01-totals", "excel-03-new-sheet", "excel-04-pdf-revenue", "powerpoint-01-deck", "word-01-memo"];

    private static ModelSettings Settings(ScriptedModelServer server) => new()
    {
        ApiKey = "test-key",
        Endpoint = server.BaseUrl,
        Model = "gpt-5.4-mini",
        Style = ApiStyle.Chat,
        MaxRetries = 0,
        NetworkTimeout = TimeSpan.FromSeconds(30),
    };

    private static void EnqueueRecorded(ScriptedModelServer server, string id)
    {
        foreach (var turn in JsonNode.Parse(File.ReadAllText(Path.Combine(Suite, "recorded", id + ".json")))!.AsArray())
        {
            server.Enqueue(turn!);
        }
    }

    [Fact]
    public void LoadSuite_HasAtLeastTwentyTasksOverThreeHosts_WithTheirSourcesPresent()
    {
        var tasks = EvalTask.LoadSuite(Suite);

        Assert.True(tasks.Count >= 20, $"{tasks.Count} tasks");
        Assert.Equal(["excel", "powerpoint", "word"], tasks.Select(t => t.Host).Distinct().Order());
        Assert.All(tasks, t => Assert.NotEmpty(t.Checks));
        Assert.All(tasks.SelectMany(t => t.Sources.Select(s => Path.Combine(t.Folder, s))), path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public async Task Eval_PrintsScoreTable_WhenRecordedTurnsPlayBack()
    {
        using var server = new ScriptedModelServer();
        foreach (var id in Recorded)
        {
            EnqueueRecorded(server, id);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EvalCommand.RunAsync(new CliOutput(stdout, stderr), Suite, null, Recorded, false, Settings(server), CancellationToken.None);

        var table = stdout.ToString();
        Assert.True(exit == 0, table + stderr);
        var lines = table.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("task", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^excel-01-totals\s+excel\s+passed\s+4/4\s+5370\s+0\.\d{4}\s+\d+\.\d$", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("excel-03-new-sheet", StringComparison.Ordinal) && l.Contains("passed", StringComparison.Ordinal) && l.Contains(" 2/2 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("excel-04-pdf-revenue", StringComparison.Ordinal) && l.Contains("passed", StringComparison.Ordinal) && l.Contains(" 4/4 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("word-01-memo", StringComparison.Ordinal) && l.Contains("passed", StringComparison.Ordinal) && l.Contains(" 2/2 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("powerpoint-01-deck", StringComparison.Ordinal) && l.Contains("passed", StringComparison.Ordinal) && l.Contains(" 2/2 ", StringComparison.Ordinal));
        Assert.Contains("score: 5/5 passed", table, StringComparison.Ordinal);
        Assert.Equal(21, server.Requests.Count);
    }

    [Fact]
    public async Task Eval_ReportsFailedCheck_WhenModelWritesWrongValue()
    {
        using var server = new ScriptedModelServer();
        var turns = JsonNode.Parse(File.ReadAllText(Path.Combine(Suite, "recorded", "excel-01-totals.json")))!.AsArray();
        // The model labels the row "Sum" instead of "Total".
        turns[1]!["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!["arguments"] = """{"range":"Sheet1!A6","values":[["Sum"]]}""";
        foreach (var turn in turns)
        {
            server.Enqueue(turn!.DeepClone());
        }

        using var stdout = new StringWriter();
        var exit = await EvalCommand.RunAsync(new CliOutput(stdout, TextWriter.Null), Suite, "gpt-5.4", ["excel-01-totals"], true, Settings(server), CancellationToken.None);

        Assert.Equal(1, exit);
        var result = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal("gpt-5.4", (string?)result["model"]);
        var task = result["tasks"]![0]!;
        Assert.Equal("failed", (string?)task["status"]);
        Assert.Equal(3, (int)task["checks_passed"]!);
        Assert.Equal("Sheet1!A6 is Sum, expected \"Total\"", (string?)task["detail"]);
        Assert.Equal("gpt-5.4", (string?)server.Requests[0].Body["model"]);
    }

    [Fact]
    public async Task Eval_Exits2_WhenTaskIdIsUnknown()
    {
        using var stderr = new StringWriter();
        var exit = await EvalCommand.RunAsync(new CliOutput(TextWriter.Null, stderr), Suite, null, ["no-such-task"], false, null, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("'no-such-task'", stderr.ToString(), StringComparison.Ordinal);
    }
}
