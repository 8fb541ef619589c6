using System.Text.Json;

namespace Officina.Cli.Tests;

public sealed class CatalogCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Catalog_PrintsSchemas_AsJson()
    {
        var (exit, stdout, _) = await _cli.RunAsync("catalog", "--host", "excel", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var setValues = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "set_values");
        Assert.Equal("write", setValues.GetProperty("kind").GetString());
        Assert.False(setValues.GetProperty("schema").GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task Catalog_Refuses_UnknownHost()
    {
        var (exit, _, error) = await _cli.RunAsync("catalog", "--host", "visio");

        Assert.Equal(2, exit);
        Assert.Contains("'visio'", error);
    }

    public void Dispose() => _cli.Dispose();
}
