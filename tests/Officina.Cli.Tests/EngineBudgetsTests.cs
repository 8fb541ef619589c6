using Officina.Excel;
using Officina.Excel.Operations;
using Officina.Operations;
using Officina.Testing;

namespace Officina.Cli.Tests;

/// <summary>
/// The budgets every command applies: the decompressed bytes a document may load
/// (<c>--max-decompressed-mb</c>) and how long one LibreOffice run may take
/// (<c>--libreoffice-timeout</c>, or <c>OFFICINA_LIBREOFFICE_TIMEOUT_SECONDS</c>), and a run
/// cancelled mid-operation leaving nothing behind. The LibreOffice tests run the real
/// <c>officina</c> as a child process with a hung stand-in <c>soffice</c> first on its PATH.
/// </summary>
public sealed class EngineBudgetsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly CliRun _cli = new();
    private readonly HungLibreOffice _hung = new();

    [Fact]
    public async Task Inspect_RefusesWithExit2_WhenPartsUnderTheRatioCheckAddUpPastTheLimit()
    {
        var input = _cli.Write("padded.xlsx", HostilePackages.Padded(6, 600 * 1024));

        var (exit, _, error) = await _cli.RunAsync("inspect", input, "--max-decompressed-mb", "2");

        Assert.Equal(2, exit);
        Assert.Contains("[decompressed_too_large]", error, StringComparison.Ordinal);
        Assert.Contains("more than 2 MB when decompressed", error, StringComparison.Ordinal);
        Assert.Contains("raise the limit with --max-decompressed-mb", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WritesNothing_WhenTheDocumentIsPastTheDecompressedLimit()
    {
        var input = _cli.Write("padded.xlsx", HostilePackages.Padded(6, 600 * 1024));
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "More" } ] }""");
        var output = _cli.PathOf("out.xlsx");

        var (exit, _, error) = await _cli.RunAsync("apply", input, plan, "-o", output, "--max-decompressed-mb", "2");
        var (under, _, underError) = await _cli.RunAsync("apply", input, plan, "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains("[decompressed_too_large]", error, StringComparison.Ordinal);
        Assert.True(under == 0, underError);
    }

    [Fact]
    public async Task Apply_LeavesNoOutput_WhenCancelledDuringALongOperation()
    {
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "set_formulas", "range": "Sheet1!A1:J100000", "formula": "=K1*2" } ] }""");
        var output = _cli.PathOf("big.xlsx");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var (exit, _, error) = await _cli.RunAsync(cancel.Token, "apply", "--new", output, plan).WaitAsync(Limit);

        Assert.Equal(1, exit);
        Assert.Contains("cancelled; nothing was written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.tmp"));
    }

    [Fact]
    public async Task Verify_FailsWithLibreOfficeTimeout_AndLeavesNoLibreOfficeRunning_WhenItHangs()
    {
        var input = NeedsLibreOffice("npv.xlsx");

        var (exit, _, error) = await ChildProcess.RunAsync(ChildProcess.Dotnet, [ChildProcess.Officina, "verify", input, "--libreoffice-timeout", "2"], _cli.Folder, Limit, OnPath());

        Assert.True(exit == 2, error);
        Assert.Contains("[libreoffice_timeout]", error, StringComparison.Ordinal);
        Assert.Contains("did not finish within 2 s", error, StringComparison.Ordinal);
        Assert.Contains("raise the limit with --libreoffice-timeout", error, StringComparison.Ordinal);
        Assert.Empty(await _hung.SurvivorsAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Render_FailsWithRenderTimeout_AndWritesNothing_WhenLibreOfficeHangs()
    {
        var input = NeedsLibreOffice("npv.xlsx");
        var output = _cli.PathOf("npv.pdf");
        var environment = new Dictionary<string, string>(OnPath()) { ["OFFICINA_LIBREOFFICE_TIMEOUT_SECONDS"] = "2" };

        var (exit, _, error) = await ChildProcess.RunAsync(ChildProcess.Dotnet, [ChildProcess.Officina, "render", input, "-o", output], _cli.Folder, Limit, environment);

        Assert.True(exit == 1, error);
        Assert.Contains("[render_timeout]", error, StringComparison.Ordinal);
        Assert.Contains("OFFICINA_LIBREOFFICE_TIMEOUT_SECONDS", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(await _hung.SurvivorsAfterAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A workbook with an NPV formula: ClosedXML lacks NPV, so verifying it runs LibreOffice.</summary>
    private string NeedsLibreOffice(string name)
    {
        using var book = WorkbookSession.Create();
        Assert.True(book.Execute(new SetValues("Sheet1!A1:A3", [[CellValue.FromNumber(100)], [CellValue.FromNumber(200)], [CellValue.FromNumber(300)]])).Succeeded);
        Assert.True(book.Execute(new SetFormulas("Sheet1!B1", "=NPV(0.1,A1:A3)")).Succeeded);
        return _cli.Write(name, book.ToArray());
    }

    /// <summary>The hung soffice first on PATH, as the one the child finds.</summary>
    private Dictionary<string, string> OnPath() =>
        new() { ["PATH"] = _hung.Folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

    public void Dispose()
    {
        _hung.Dispose();
        _cli.Dispose();
    }
}
