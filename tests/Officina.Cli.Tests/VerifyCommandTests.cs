namespace Officina.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Verify_ReportsNoFindings_AndLeavesFileUnchanged_WhenWorkbookIsClean()
    {
        var input = _cli.Copy("basicspread.xlsx");
        var before = File.ReadAllBytes(input);

        var (exit, stdout, _) = await _cli.RunAsync("verify", input);

        Assert.Equal(0, exit);
        Assert.Contains("checked: schema", stdout);
        Assert.Contains("no findings", stdout);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Verify_ReportsErrorValueWithItsCell_AndExits3()
    {
        var input = _cli.PathOf("broken.xlsx");
        using (var book = Officina.Excel.WorkbookSession.Create())
        {
            var (formula, _) = new Officina.Operations.PlanSerializer(Officina.Excel.ExcelOperations.Catalog).ReadOperation(
                Officina.Operations.DocumentHost.Excel, "set_formulas", System.Text.Json.Nodes.JsonNode.Parse("""{"range":"Sheet1!A1","formula":"=1/0"}""")!.AsObject());
            Assert.True(book.Execute(formula!).Succeeded);
            book.SaveAs(input);
        }

        var before = File.ReadAllBytes(input);

        var (exit, stdout, _) = await _cli.RunAsync("verify", input);

        Assert.Equal(3, exit);
        Assert.Contains("error: Sheet1!A1: #DIV/0!", stdout);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    public void Dispose() => _cli.Dispose();
}
