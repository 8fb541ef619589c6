using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Officina.Excel;
using Officina.Mcp.Tests;
using Officina.Service.Security;

namespace Officina.Service.Tests;

/// <summary><c>/mcp</c> driven by the official MCP client over Streamable HTTP: API keys, tenants, the tenant's job files.</summary>
public sealed class McpApiTests : IDisposable
{
    private const string AcmeKey = "acme-mcp-key";
    private const string GlobexKey = "globex-mcp-key";

    private readonly ServiceApp _app = new(new()
    {
        ["Officina:ApiKeys:0:Tenant"] = "acme",
        ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash(AcmeKey),
        ["Officina:ApiKeys:1:Tenant"] = "globex",
        ["Officina:ApiKeys:1:Sha256"] = ApiKeys.Hash(GlobexKey),
    });

    [Fact]
    public async Task Workbook_FromAJobResult_IsChangedVerifiedRenderedAndSavedAsANewJob()
    {
        using var rest = _app.ClientWithKey(AcmeKey);
        var jobId = await PlanJobAsync(rest);
        await using var mcp = await ConnectAsync(AcmeKey);

        var tools = await mcp.ListToolsAsync();
        Assert.Contains(tools, t => t.Name == "apply_operations");
        var opened = await mcp.OkAsync("open_document", new { path = $"jobs/{jobId}/result" });
        var session = (string)opened["session"]!;
        Assert.Contains("Forecast", (string?)opened["digest"], StringComparison.Ordinal);

        var errors = await mcp.ErrorAsync("apply_operations", new { session, operations = new object[] { new { op = "set_values", range = "Nowhere!A1", values = new[] { new object[] { 1 } } } } });
        Assert.StartsWith("$.operations[0]", (string?)errors[0]!["path"], StringComparison.Ordinal);
        await mcp.OkAsync("apply_operations", new { session, operations = new object[] { new { op = "set_values", range = "Forecast!B1", values = new[] { new object[] { "Saved over HTTP" } } } } });
        Assert.False((bool)(await mcp.OkAsync("verify_document", new { session }))["has_errors"]!);
        var rendered = await mcp.CallAsync("render_page", new { session, dpi = 48 });
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Assert.Single(rendered.Content.OfType<ImageContentBlock>()).DecodedData.ToArray().Take(4));

        var saved = await mcp.OkAsync("save_document", new { session });

        var location = (string)saved["saved"]!;
        var savedId = location.Split('/')[1];
        var job = await rest.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{savedId}");
        Assert.Equal("succeeded", (string?)job!["status"]);
        using (var book = WorkbookSession.Open(new MemoryStream(await rest.GetByteArrayAsync($"/api/v1/jobs/{savedId}/result"))))
        {
            Assert.Contains("Saved over HTTP", book.Inspect(), StringComparison.Ordinal);
        }

        var reopened = await mcp.OkAsync("open_document", new { path = location });
        var read = await mcp.OkAsync("apply_operations", new { session = (string)reopened["session"]!, operations = new object[] { new { op = "read_range", range = "Forecast!B1" } } });
        Assert.Contains("Saved over HTTP", (string?)read["observations"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenant_CannotReachTheSessionOrTheJobFiles()
    {
        using var rest = _app.ClientWithKey(AcmeKey);
        var jobId = await PlanJobAsync(rest);
        await using var acme = await ConnectAsync(AcmeKey);
        var session = (string)(await acme.OkAsync("open_document", new { path = $"jobs/{jobId}/original" }))["session"]!;
        await using var globex = await ConnectAsync(GlobexKey);

        Assert.Equal("unknown_session", (string?)(await globex.ErrorAsync("inspect_document", new { session }))[0]!["rule"]);
        Assert.Equal("unknown_session", (string?)(await globex.ErrorAsync("apply_operations", new { session, operations = new object[] { new { op = "add_sheet", name = "X" } } }))[0]!["rule"]);
        Assert.Equal("unknown_session", (string?)(await globex.ErrorAsync("save_document", new { session }))[0]!["rule"]);
        Assert.Equal("not_found", (string?)(await globex.ErrorAsync("open_document", new { path = $"jobs/{jobId}/result" }))[0]!["rule"]);
        Assert.Equal(0, (int)(await acme.OkAsync("inspect_document", new { session }))["applied_plans"]!);
    }

    [Fact]
    public async Task Connect_IsRefused_WithoutAValidKey()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync("not-a-key"));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync(null));
    }

    private async Task<McpClient> ConnectAsync(string? key)
    {
        var http = _app.ClientWithKey(key);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp, Name = "officina" },
            http,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    private static async Task<string> PlanJobAsync(HttpClient rest)
    {
        using var response = await rest.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(rest, id))["status"]);
        return id;
    }

    public void Dispose() => _app.Dispose();
}
