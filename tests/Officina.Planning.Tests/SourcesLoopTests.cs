using System.Text;
using Officina.Excel;
using Officina.Sources;
using Officina.Sources.Pdf;
using Officina.Sources.Tabular;
using Officina.Sources.Tests;
using static Officina.Planning.Tests.Turns;

namespace Officina.Planning.Tests;

public sealed class SourcesLoopTests
{
    private static SourceDocument Report() => PdfSourceReader.Read("annual-report.pdf", TestPdfs.RevenueReport());

    [Fact]
    public async Task RunAsync_ListsCitationOnSourcesSheet_WhenModelWritesValueFromPdfPage()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(Call("set_values", new { range = "Sheet1!A1:B2", values = new object[][] { ["Region", "Revenue 2024"], ["North", 1350] } })))
            .Enqueue(Responses(Call("cite_source", new { cells = "Sheet1!B2", source = "annual-report.pdf", location = "p.2 table 1 r2c3", note = "North revenue 2024" })))
            .Enqueue(ResponsesText("Wrote North's 2024 revenue from the report."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Put North's 2024 revenue in B2", [Report()]);

        // The PDF's text, with its page anchors and the table, was in the first message.
        var first = Harness.InputText(server.Requests[0]);
        Assert.Contains("[p.2]", first, StringComparison.Ordinal);
        Assert.Contains("r2: North | 1,200 | 1,350", first, StringComparison.Ordinal);
        var tools = server.Requests[0].Body["tools"]!.AsArray();
        Assert.Contains(tools, t => (string?)t!["name"] == "cite_source");
        Assert.Contains(tools, t => (string?)t!["name"] == "read_source");

        // The plan carries the Sources sheet, so it replays without the model.
        Assert.Equal(["set_values", "add_sheet", "set_values"], result.Plan.Operations.Select(o => o.Op));
        var citation = Assert.Single(result.Citations);
        Assert.Equal(("Sheet1!B2", "annual-report.pdf", "p.2 table 1 r2c3"), (citation.Cells, citation.Source, citation.Location));

        using var reopened = Harness.Reopen(session);
        Assert.Equal(1350, reopened.Value("Sheet1!B2").Number);
        Assert.Equal(new[] { "Cell", "Source", "Location", "Note" }, new[] { "A1", "B1", "C1", "D1" }.Select(c => reopened.Value("Sources!" + c).ToString()));
        Assert.Equal("Sheet1!B2", reopened.Value("Sources!A2").ToString());
        Assert.Equal("annual-report.pdf", reopened.Value("Sources!B2").ToString());
        Assert.Equal("p.2 table 1 r2c3", reopened.Value("Sources!C2").ToString());
        Assert.Equal("North revenue 2024", reopened.Value("Sources!D2").ToString());
    }

    [Fact]
    public async Task RunAsync_AnswersReadSourceAndRejectsBadCitations_WhenModelAsksForMore()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(Call("read_source", new { source = "annual-report.pdf", from = 2, to = 2 })))
            .Enqueue(Responses(Call("cite_source", new { cells = "Nowhere!B2", source = "annual-report.pdf", location = "p.2", note = (string?)null })))
            .Enqueue(Responses(Call("cite_source", new { cells = "Sheet1!B2", source = "other.pdf", location = "p.2", note = (string?)null })))
            .Enqueue(ResponsesText("Nothing to write."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server, limits: new LoopLimits { SourceTokens = 500 }).RunAsync(session, "Read the table", [Report()]);

        Assert.Contains("North | 1,200 | 1,350", Harness.InputText(server.Requests[1]), StringComparison.Ordinal);
        Assert.Contains("Nowhere", Harness.InputText(server.Requests[2]), StringComparison.Ordinal);
        Assert.Contains("There is no source named", Harness.InputText(server.Requests[3]), StringComparison.Ordinal);
        Assert.Empty(result.Citations);
        Assert.Empty(result.Plan.Operations);
    }

    [Fact]
    public async Task RunAsync_RegistersCsvSourceForImport_WhenSourceIsCsv()
    {
        using var server = new ScriptedModelServer();
        var csv = CsvSourceReader.Read("sales.csv", () => new MemoryStream(Encoding.UTF8.GetBytes("Region,Revenue\nNorth,1200\nSouth,980\n")));
        server.Enqueue(Chat(Call("load_tools", new { names = new[] { "import_csv" } })))
            .Enqueue(Chat(Call("import_csv", new { source = "sales.csv", destination = "Data!A1", has_header = true, delimiter = (string?)null })))
            .Enqueue(ChatText("Imported."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server, Model.ApiStyle.Chat).RunAsync(session, "Import the sales data", [csv]);

        Assert.Equal(["import_csv"], result.Plan.Operations.Select(o => o.Op));
        Assert.Contains("[row 3] South | 980", server.Requests[0].Body["messages"]!.ToJsonString(), StringComparison.Ordinal);
        using var reopened = Harness.Reopen(session);
        Assert.Equal(980, reopened.Value("Data!B3").Number);
    }
}
