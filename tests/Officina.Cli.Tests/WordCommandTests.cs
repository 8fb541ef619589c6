using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word;
using Officina.Word.Paragraphs;

namespace Officina.Cli.Tests;

/// <summary><c>apply</c> and <c>inspect</c> on Word documents: tracked changes from the plan, host mismatches, disguised files.</summary>
public sealed class WordCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    private string NewDocument(string name, params string[] paragraphs)
    {
        using var session = WordSession.Create();
        foreach (var text in paragraphs)
        {
            session.Execute(new Officina.Word.Operations.InsertParagraph("end", text));
        }

        var path = _cli.PathOf(name);
        session.SaveAs(path);
        return path;
    }

    [Fact]
    public async Task Apply_WritesTrackedRevisions_WhenPlanTracksChanges()
    {
        var input = NewDocument("memo.docx", "Payment terms: net 30 days.");
        var plan = _cli.Write("plan.json", """
            { "host": "word", "track_changes": true, "operations": [
              { "op": "replace_text", "find": "net 30", "replace": "net 45" },
              { "op": "insert_paragraph", "anchor": "end", "text": "Approved by finance." } ] }
            """);
        var output = _cli.PathOf("out.docx");

        var (exit, stdout, error) = await _cli.RunAsync("apply", input, plan, "-o", output);

        Assert.True(exit == 0, error + stdout);
        using var result = WordSession.Open(output);
        Assert.Equal(["Payment terms: net 45 days.", "Approved by finance."], result.Paragraphs.Select(ParagraphText.Of));
        Assert.Equal(2, result.Body.Descendants<InsertedRun>().Count());
        Assert.Equal("net 30", string.Concat(result.Body.Descendants<DeletedText>().Select(t => t.Text)));
        Assert.All(result.Body.Descendants<InsertedRun>(), i => Assert.Equal("Officina", i.Author?.Value));
    }

    [Fact]
    public async Task Apply_WritesPlainEdits_WhenPlanDoesNotTrackChanges()
    {
        var input = NewDocument("memo.docx", "net 30");
        var plan = _cli.Write("plan.json", """{ "host": "word", "operations": [ { "op": "replace_text", "find": "net 30", "replace": "net 45" } ] }""");
        var output = _cli.PathOf("out.docx");

        var (exit, _, error) = await _cli.RunAsync("apply", input, plan, "-o", output);

        Assert.True(exit == 0, error);
        using var result = WordSession.Open(output);
        Assert.Empty(result.Body.Descendants<InsertedRun>());
        Assert.Equal("net 45", ParagraphText.Of(result.Paragraphs.Single()));
    }

    [Fact]
    public async Task Apply_RefusesExcelPlan_OnWordDocument()
    {
        var input = NewDocument("memo.docx", "text");
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "X" } ] }""");
        var output = _cli.PathOf("out.docx");

        var (exit, _, error) = await _cli.RunAsync("apply", input, plan, "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains("The plan is for excel but the document is a word document", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Apply_RefusesWordPlan_OnWorkbookNamedDocx()
    {
        var disguised = _cli.PathOf("report.docx");
        File.Copy(CliRun.Asset("basicspread.xlsx"), disguised);
        var plan = _cli.Write("plan.json", """{ "host": "word", "operations": [ { "op": "insert_paragraph", "anchor": "end", "text": "x" } ] }""");

        var (exit, _, error) = await _cli.RunAsync("apply", disguised, plan, "-o", _cli.PathOf("out.docx"));

        Assert.Equal(2, exit);
        Assert.Contains("The plan is for word but the document is a excel document", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WordSession_RefusesWorkbook_WithClearError()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => WordSession.Open(CliRun.Asset("basicspread.xlsx")));

        Assert.Contains("not a Word document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_PrintsOutlineWithParagraphIds()
    {
        var input = NewDocument("memo.docx", "Body text");

        var (exit, stdout, error) = await _cli.RunAsync("inspect", input);

        Assert.True(exit == 0, error);
        Assert.Contains("Document: 1 paragraph(s)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\[[0-9A-F]{8}\] Normal: Body text", stdout);
    }

    public void Dispose() => _cli.Dispose();
}
