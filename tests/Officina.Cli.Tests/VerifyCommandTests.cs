namespace Officina.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Verify_ReportsChecks_AndLeavesFileUnchanged()
    {
        var input = _cli.Copy("basicspread.xlsx");
        var before = File.ReadAllBytes(input);

        var (exit, stdout, _) = await _cli.RunAsync("verify", input);

        Assert.Contains("checked:", stdout);
        Assert.True(exit is 0 or 3, $"exit {exit}");
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    public void Dispose() => _cli.Dispose();
}
