namespace Officina.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Inspect_PrintsDigest_NamingEverySheet()
    {
        var (exit, stdout, _) = await _cli.RunAsync("inspect", CliRun.Asset("DataTableCities.xlsx"), "--budget", "1000");

        Assert.Equal(0, exit);
        using var book = Officina.Excel.WorkbookSession.Open(CliRun.Asset("DataTableCities.xlsx"));
        Assert.All(book.Sheets, s => Assert.Contains(s.Name, stdout));
    }

    [Fact]
    public async Task Inspect_Refuses_MissingFile()
    {
        var (exit, _, error) = await _cli.RunAsync("inspect", _cli.PathOf("nope.xlsx"));

        Assert.Equal(2, exit);
        Assert.Contains("There is no file", error);
    }

    public void Dispose() => _cli.Dispose();
}
