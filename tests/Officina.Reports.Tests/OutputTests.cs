using Officina.Operations;
using Officina.Reports.Data;
using Officina.Reports.Output;
using Officina.Reports.Templates;

namespace Officina.Reports.Tests;

public sealed class OutputTests : IDisposable
{
    private readonly Fixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("../x", "_x")]
    [InlineData("a/b\\c", "a_b_c")]
    [InlineData("tab\there\u0001", "tab_here_")]
    [InlineData("  ..hidden.. ", "hidden")]
    [InlineData("CON", "_CON")]
    [InlineData("nul.txt", "_nul.txt")]
    [InlineData("what?*<>|\":", "what_______")]
    public void SafeStem_RemovesPathsAndReservedCharacters_WhenNamesComeFromData(string given, string expected) =>
        Assert.Equal(expected, OutputNames.SafeStem(given));

    [Fact]
    public void SafeStem_LimitsLength_WhenTheValueIsLong()
    {
        var stem = OutputNames.SafeStem(new string('é', 500));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(stem) <= OutputNames.MaxStemBytes);
        Assert.True(stem.Length > 50);
    }

    [Fact]
    public void Next_DeduplicatesAndAddsTheExtension_WhenNamesRepeat()
    {
        var names = new OutputNames("{{customer}}", ".docx", 3);
        static ReportRecord Record(int n, string customer) => new(n, new System.Text.Json.Nodes.JsonObject { ["customer"] = customer });

        Assert.Equal(["Acme.docx", "acme-2.docx", "Acme-3.docx"], [names.Next(Record(1, "Acme")), names.Next(Record(2, "acme")), names.Next(Record(3, "Acme.docx"))]);
        Assert.Equal("report-0007.xlsx", new OutputNames(null, ".xlsx", 12).Next(Record(7, "x")));
        Assert.Equal("report-00042.xlsx", new OutputNames(null, ".xlsx", 12_000).Next(Record(42, "x")));
    }

    [Fact]
    public async Task RunAsync_WritesACompleteReadableZip_WhenOutputIsAZip()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}}"}""");
        var data = _files.File("d.csv", "name\nAda\nBob\nAda\n");
        var zip = _files.Path("reports.zip");

        var summary = await Fixtures.RunAsync(template, data, null, ReportOutput.Zip(zip), new ReportOptions { NamePattern = "hello-{{name}}" });

        Assert.Equal(zip, summary.Output);
        Assert.Equal(["hello-Ada.docx", "hello-Bob.docx", "hello-Ada-2.docx"], Fixtures.ZipEntries(zip));
        System.IO.Compression.ZipFile.ExtractToDirectory(zip, _files.Path("unzipped"));
        Assert.Contains("Hello Bob", Fixtures.WordText(_files.Path("unzipped/hello-Bob.docx")), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task RunAsync_AddsTheSummaryAfterTheDocuments_WhenSummaryEntryIsSet()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}}"}""");
        var data = _files.File("d.json", """[{"name":"Ada"},{"other":1}]""");
        var zip = _files.Path("reports.zip");

        await Fixtures.RunAsync(template, data, null, ReportOutput.Zip(zip), new ReportOptions { SummaryEntry = "summary.json" });

        Assert.Equal(["report-0001.docx", "summary.json"], Fixtures.ZipEntries(zip));
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        using var json = System.Text.Json.JsonDocument.Parse(archive.GetEntry("summary.json")!.Open());
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(1, json.RootElement.GetProperty("failed").GetInt32());
        Assert.Equal("succeeded", results[0].GetProperty("status").GetString());
        Assert.Equal("report-0001.docx", results[0].GetProperty("output").GetString());
        Assert.Equal("failed", results[1].GetProperty("status").GetString());
        Assert.Equal("template:{{name}}", results[1].GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task RunAsync_LeavesNoZip_WhenCancelled()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}}"}""");
        var data = _files.File("d.csv", "name\nAda\nBob\nCy\n");
        using var cancel = new CancellationTokenSource();
        var progress = new Cancelling(cancel, afterRecord: 1);
        var zip = _files.Path("reports.zip");

        using (var output = ReportOutput.Zip(zip))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fixtures.RunAsync(template, data, null, output, null, progress, cancel.Token));
        }

        Assert.False(File.Exists(zip));
        Assert.Equal(["d.csv", "t.docx"], Directory.EnumerateFiles(_files.Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task RunAsync_KeepsOnlyWholeDocuments_WhenCancelledWritingAFolder()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}}"}""");
        var data = _files.File("d.csv", "name\nAda\nBob\nCy\n");
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Fixtures.RunAsync(template, data, null, ReportOutput.Folder(_files.Path("out")), null, new Cancelling(cancel, afterRecord: 1), cancel.Token));

        Assert.Equal(["report-0001.docx"], Directory.EnumerateFiles(_files.Path("out")).Select(Path.GetFileName));
        Assert.Contains("Hello Ada", Fixtures.WordText(_files.Path("out/report-0001.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NeverOverwritesTheTemplate_WhenANameWouldHitIt()
    {
        var template = _files.Word("same.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}}"}""");
        var before = File.ReadAllBytes(template);
        var data = _files.File("d.csv", "name\nsame\n");

        var summary = await Fixtures.RunAsync(template, data, null, ReportOutput.Folder(_files.Folder), new ReportOptions { NamePattern = "{{name}}" });

        Assert.Equal("protected_file", Assert.Single(summary.Records).Errors.Single().Rule);
        Assert.Equal(before, File.ReadAllBytes(template));
    }

    [Fact]
    public void Load_RefusesTemplate_WhenItIsNotAnOfficeFile()
    {
        var path = _files.File("notes.docx", "just text");

        var error = Assert.Throws<DocumentRejectedException>(() => ReportTemplate.Load(path));

        Assert.Contains("zip", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Cancels the batch once the given record has finished.</summary>
    private sealed class Cancelling(CancellationTokenSource source, int afterRecord) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value)
        {
            if (value.Record == afterRecord)
            {
                source.Cancel();
            }
        }
    }
}
