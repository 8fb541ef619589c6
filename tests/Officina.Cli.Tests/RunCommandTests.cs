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

    [Fact]
    public async Task Run_CitesPdfPageOnSourcesSheet_WhenSourceIsGiven()
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["set_values"]}"""))
            .Enqueue(Chat("set_values", """{"range":"Sheet1!A2:B2","values":[["North",1350]]}"""))
            .Enqueue(Chat("cite_source", """{"cells":"Sheet1!B2","source":"report.pdf","location":"p.2","note":null}"""))
            .Enqueue(Stop("Done."));
        var pdf = _run.Write("report.pdf", Officina.Sources.Tests.TestPdfs.RevenueReport());
        var output = _run.PathOf("out.xlsx");

        var (exit, stdout, error) = await _run.RunAsync("run", _run.Copy("basicspread.xlsx"), "North 2024 revenue in B2", "-o", output, "--source", pdf);

        Assert.True(exit == 0, error + stdout);
        Assert.Contains("source: Sheet1!B2 <- report.pdf p.2", stdout, StringComparison.Ordinal);
        Assert.Contains("North | 1,200 | 1,350", server.Requests[0].Body["messages"]!.ToJsonString(), StringComparison.Ordinal);
        using var book = WorkbookSession.Open(output);
        Assert.Equal("report.pdf", Value(book, "Sources!B2"));
        Assert.Equal("p.2", Value(book, "Sources!C2"));
    }

    [Fact]
    public async Task Run_MakesNewWorkbook_WhenNewIsGiven()
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["set_values"]}"""))
            .Enqueue(Chat("set_values", """{"range":"Sheet1!A1","values":[["Report"]]}"""))
            .Enqueue(Stop("Made it."));
        var output = _run.PathOf("report.xlsx");

        var (exit, stdout, error) = await _run.RunAsync("run", "--new", output, "Title the report");

        Assert.True(exit == 0, error + stdout);
        Assert.Contains("Made ", stdout, StringComparison.Ordinal);
        using var book = WorkbookSession.Open(output);
        Assert.Equal("Report", Value(book, "Sheet1!A1"));
    }

    [Theory]
    [InlineData("Add a closing paragraph and track the changes", false)]
    [InlineData("Add a closing paragraph", true)]
    public async Task Run_RecordsTrackedRevisions_WhenTheInstructionOrTheFlagAsksForThem(string instruction, bool flag)
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["insert_paragraph"]}"""))
            .Enqueue(Chat("insert_paragraph", """{"anchor":"end","text":"Signed, the board.","position":null,"style":null}"""))
            .Enqueue(Stop("Added it."));
        var input = _run.PathOf("letter.docx");
        using (var letter = Officina.Word.WordSession.Create())
        {
            letter.SaveAs(input);
        }

        var output = _run.PathOf("letter-out.docx");
        string[] args = ["run", input, instruction, "-o", output, .. flag ? new[] { "--track-changes" } : []];

        var (exit, stdout, error) = await _run.RunAsync(args);

        Assert.True(exit == 0, error + stdout);
        using var document = Officina.Word.WordSession.Open(output);
        var body = document.MainPart.Document!.Body!;
        var inserted = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.InsertedRun>());
        Assert.Equal("Officina", inserted.Author!.Value);
        Assert.Equal("Signed, the board.", inserted.InnerText);
    }

    [Fact]
    public async Task Run_MakesNewWordDocument_WhenNewIsDocx()
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["insert_heading","insert_paragraph"]}"""))
            .Enqueue(Chat("insert_heading", """{"anchor":"end","text":"New office hours","level":1,"position":null}"""))
            .Enqueue(Chat("insert_paragraph", """{"anchor":"end","text":"From Monday the office is open 9 to 5.","position":null,"style":null}"""))
            .Enqueue(Stop("Wrote the memo."));
        var output = _run.PathOf("memo.docx");

        var (exit, stdout, error) = await _run.RunAsync("run", "--new", output, "Write a memo about the new office hours");

        Assert.True(exit == 0, error + stdout);
        using var document = Officina.Word.WordSession.Open(output);
        Assert.Equal(["New office hours", "From Monday the office is open 9 to 5."], document.Paragraphs.Select(Officina.Word.Paragraphs.ParagraphText.Of));
        Assert.Contains("Document: 0 paragraph(s)", server.Requests[0].Body["messages"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MakesNewDeck_WhenNewIsPptx()
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["add_slide"]}"""))
            .Enqueue(Chat("add_slide", """{"layout":"Title Slide","title":"Acme 2024","bullets":[{"text":"Annual review","level":null}],"notes":null,"position":null}"""))
            .Enqueue(Stop("Made the deck."));
        var output = _run.PathOf("deck.pptx");

        var (exit, stdout, error) = await _run.RunAsync("run", "--new", output, "Make a title slide");

        Assert.True(exit == 0, error + stdout);
        var firstMessage = server.Requests[0].Body["messages"]!.ToJsonString();
        Assert.Contains("Layouts:", firstMessage, StringComparison.Ordinal);
        Assert.Contains("Title Slide", firstMessage, StringComparison.Ordinal);
        using var deck = Officina.PowerPoint.DeckSession.Open(output);
        Assert.Single(deck.Slides);
        Assert.Contains("Acme 2024", deck.Inspect(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PlacesPictureSource_OnNewDeck()
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["add_slide","add_image"]}"""))
            .Enqueue(Chat("add_slide", """{"layout":"Title Only","title":"Our logo","bullets":null,"notes":null,"position":null}"""))
            .Enqueue(Chat("add_image", """{"slide":1,"source":"logo.png","x":400,"y":200,"width":100,"height":null,"description":"Logo","name":null}"""))
            .Enqueue(Stop("Placed the logo."));
        var logo = _run.Write("logo.png", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        var output = _run.PathOf("logo.pptx");

        var (exit, stdout, error) = await _run.RunAsync("run", "--new", output, "Put the logo on a slide", "--source", logo);

        Assert.True(exit == 0, error + stdout);
        Assert.Contains("Sources for add_image:", server.Requests[0].Body["messages"]!.ToJsonString(), StringComparison.Ordinal);
        using var deck = Officina.PowerPoint.DeckSession.Open(output);
        Assert.Single(deck.Slides[0].ImageParts);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("plan")]
    public async Task Command_ShowsEachModelStepAndToolCallOnStderr_WhileStdoutStaysJson(string verb)
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["read_range","set_values"]}"""))
            .Enqueue(Chat("read_range", """{"range":"Sheet1!A1:B2"}"""))
            .Enqueue(Chat("set_values", """{"range":"Sheet1!A1","values":[["Total"]]}"""))
            .Enqueue(Stop("Labelled A1."));
        var output = _run.PathOf(verb == "run" ? "out.xlsx" : "plan.json");

        var (exit, stdout, error) = await _run.RunAsync(verb, _run.Copy("basicspread.xlsx"), "Label A1 Total", "-o", output, "--json");

        Assert.True(exit == 0, error + stdout);
        Assert.True(JsonNode.Parse(stdout)!["ok"]!.GetValue<bool>());
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            ["Planning with qwen3:8b…", "step 1: asking the model", "step 1: load_tools", "step 2: asking the model", "step 2: read_range Sheet1!A1:B2",
             "step 3: asking the model", "step 3: set_values Sheet1!A1", "step 4: asking the model"],
            lines);
    }

    [Fact]
    public async Task Run_ShowsNoProgress_WhenQuiet()
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["set_values"]}"""))
            .Enqueue(Chat("set_values", """{"range":"Sheet1!A1","values":[["Total"]]}"""))
            .Enqueue(Stop("Labelled A1."));

        var (exit, stdout, error) = await _run.RunAsync("run", _run.Copy("basicspread.xlsx"), "Label A1 Total", "-o", _run.PathOf("out.xlsx"), "--quiet");

        Assert.True(exit == 0, error + stdout);
        Assert.Equal("", error);
        Assert.Contains("set_values: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_PrintsTheApplyNewCommand_WhichThenMakesTheDeck_WhenNewIsGiven()
    {
        using var server = UseServer();
        server.Enqueue(Chat("load_tools", """{"names":["add_slide"]}"""))
            .Enqueue(Chat("add_slide", """{"layout":"Title Slide","title":"Acme 2024","bullets":null,"notes":null,"position":null}"""))
            .Enqueue(Stop("Planned the deck."));
        var deck = _run.PathOf("deck.pptx");
        var plan = _run.PathOf("deck-plan.json");

        var (exit, stdout, error) = await _run.RunAsync("plan", "--new", deck, "Make a title slide", "-o", plan);

        Assert.True(exit == 0, error + stdout);
        Assert.Contains($"(apply with: officina apply --new {deck} {plan})", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(deck));
        var (applied, appliedOut, appliedError) = await _run.RunAsync("apply", "--new", deck, plan);
        Assert.True(applied == 0, appliedError + appliedOut);
        using var made = Officina.PowerPoint.DeckSession.Open(deck);
        Assert.Contains("Acme 2024", made.Inspect(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt", "needs a file name ending in")]
    [InlineData("deck.pptm", "plain decks")]
    public async Task Run_RefusesNew_WhenTheExtensionNamesNothingItCanMake(string name, string expected)
    {
        using var server = UseServer();
        var output = _run.PathOf(name);

        var (exit, _, error) = await _run.RunAsync("run", "--new", output, "Write a memo");

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Run_RefusesSource_WhenItCannotBeRead()
    {
        using var server = UseServer();
        var broken = _run.Write("broken.json", "{\"a\": ");

        var (exit, _, error) = await _run.RunAsync("run", _run.Copy("basicspread.xlsx"), "Use it", "-o", _run.PathOf("out.xlsx"), "--source", broken);

        Assert.Equal(2, exit);
        Assert.Contains("broken.json", error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static string Value(WorkbookSession book, string reference)
    {
        var (range, sheet) = book.Resolve(reference);
        return sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn)).ToString();
    }

    private static ScriptedModelServer UseServer()
    {
        var server = new ScriptedModelServer();
        Environment.SetEnvironmentVariable("OPENAI_BASE_URL", server.BaseUrl.ToString());
        Environment.SetEnvironmentVariable("OFFICINA_MODEL", "qwen3:8b");
        return server;
    }

    private static JsonObject Stop(string text) =>
        new JsonObject
        {
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["finish_reason"] = "stop" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5 },
        };

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
