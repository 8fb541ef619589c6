using System.Text.Json;
using Officina.Excel;
using Officina.Planning;

namespace Officina.Cli.Tests;

/// <summary><c>officina apply --new FILE PLAN</c>: a plan applied to a document made from nothing, with apply's exit codes.</summary>
public sealed class ApplyNewCommandTests : IDisposable
{
    private const string ExcelPlan = """{ "host": "excel", "operations": [ { "op": "set_values", "range": "Sheet1!A1:B1", "values": [["Region", "Revenue"]] } ] }""";
    private readonly CliRun _cli = new();

    [Theory]
    [InlineData("budget.xlsx", ExcelPlan, "Revenue")]
    [InlineData("memo.docx", """{ "host": "word", "operations": [ { "op": "insert_paragraph", "anchor": "end", "text": "Office hours are 9 to 5." } ] }""", "Office hours are 9 to 5.")]
    [InlineData("deck.pptx", """{ "host": "powerpoint", "operations": [ { "op": "add_slide", "layout": "Title Slide", "title": "Acme 2024" } ] }""", "Acme 2024")]
    public async Task ApplyNew_WritesTheNewDocument_WhenThePlanFitsTheExtension(string name, string plan, string expected)
    {
        var output = _cli.PathOf(name);

        var (exit, stdout, stderr) = await _cli.RunAsync("apply", "--new", output, _cli.Write("plan.json", plan));

        Assert.True(exit == 0, stderr + stdout);
        Assert.Contains($"Made {output} with 1 change(s)", stdout, StringComparison.Ordinal);
        using var made = DocumentSessions.Open(output);
        Assert.Contains(expected, made.Inspect(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyNew_PrintsJsonAndWritesTheOutputOption_WhenBothAreGiven()
    {
        var output = _cli.PathOf("elsewhere.xlsx");

        var (exit, stdout, stderr) = await _cli.RunAsync("apply", "--new", _cli.PathOf("budget.xlsx"), _cli.Write("plan.json", ExcelPlan), "-o", output, "--json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(output, json.RootElement.GetProperty("output").GetString());
        Assert.False(File.Exists(_cli.PathOf("budget.xlsx")));
        using var book = WorkbookSession.Open(output);
        Assert.Equal(["Sheet1"], book.Sheets.Select(s => s.Name));
    }

    [Fact]
    public async Task ApplyNew_WritesAndExits3_WhenVerificationFindsErrors()
    {
        var output = _cli.PathOf("broken.xlsx");
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "set_formulas", "range": "Sheet1!A1", "formula": "=1/0" } ] }""");

        var (exit, stdout, _) = await _cli.RunAsync("apply", "--new", output, plan);

        Assert.Equal(3, exit);
        Assert.Contains("#DIV/0!", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task ApplyNew_RefusesAndKeepsTheFile_WhenItExistsAlready()
    {
        var existing = _cli.Copy("simple-monthly-budget.xlsx");
        var before = File.ReadAllBytes(existing);

        var (exit, _, stderr) = await _cli.RunAsync("apply", "--new", existing, _cli.Write("plan.json", ExcelPlan));

        Assert.Equal(2, exit);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Contains("[exists]", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(existing));
    }

    [Theory]
    [InlineData("notes.txt", "needs a file name ending in")]
    [InlineData("deck.pptm", "plain decks")]
    public async Task ApplyNew_RefusesAndWritesNothing_WhenTheExtensionNamesNothingItCanMake(string name, string expected)
    {
        var output = _cli.PathOf(name);

        var (exit, _, stderr) = await _cli.RunAsync("apply", "--new", output, _cli.Write("plan.json", ExcelPlan));

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task ApplyNew_RefusesAndWritesNothing_WhenThePlansHostDisagreesWithTheExtension()
    {
        var output = _cli.PathOf("deck.pptx");

        var (exit, _, stderr) = await _cli.RunAsync("apply", "--new", output, _cli.Write("plan.json", ExcelPlan));

        Assert.Equal(2, exit);
        Assert.Contains("The plan is for excel, but --new", stderr, StringComparison.Ordinal);
        Assert.Contains("[host]", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task ApplyNew_RefusesAndWritesNothing_WhenThePlanIsInvalid()
    {
        var output = _cli.PathOf("budget.xlsx");
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "set_values", "range": "Budget!A1", "values": [[1]] } ] }""");

        var (exit, _, stderr) = await _cli.RunAsync("apply", "--new", output, plan);

        Assert.Equal(2, exit);
        Assert.Contains("no worksheet named 'Budget'", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task ApplyNew_SaysGiveOnlyThePlan_WhenAFileIsGivenToo()
    {
        var (exit, _, stderr) = await _cli.RunAsync("apply", "--new", _cli.PathOf("new.xlsx"), _cli.Copy("simple-monthly-budget.xlsx"), _cli.Write("plan.json", ExcelPlan));

        Assert.Equal(2, exit);
        Assert.Contains("With --new, give only the plan", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("new.xlsx")));
    }

    [Fact]
    public async Task Apply_AsksForOutput_WhenNeitherOutputNorNewIsGiven()
    {
        var (exit, _, stderr) = await _cli.RunAsync("apply", _cli.Copy("simple-monthly-budget.xlsx"), _cli.Write("plan.json", ExcelPlan));

        Assert.Equal(2, exit);
        Assert.Contains("-o OUT", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
