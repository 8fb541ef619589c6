using System.IO.Compression;
using Officina.Reports.Output;

namespace Officina.Reports.Tests;

/// <summary>Records generated several at a time still come out, and are reported, in record order.</summary>
public sealed class ParallelBatchTests : IDisposable
{
    private readonly Fixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task RunAsync_WritesTheSameZipInRecordOrder_WhenRecordsRunInParallel()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Invoice for {{name}}: {{amount}}"}""");
        var rows = string.Join("\n", Enumerable.Range(1, 24).Select(i => $"{(i % 5 == 0 ? "" : "Client " + i)},{i * 10}"));
        var data = _files.File("d.csv", "name,amount\n" + rows + "\n");
        var sequentialZip = _files.Path("one.zip");
        var parallelZip = _files.Path("four.zip");
        var reported = new List<int>();

        var sequential = await Fixtures.RunAsync(template, data, null, ReportOutput.Zip(sequentialZip), new ReportOptions { NamePattern = "{{#}}-{{name}}" });
        var parallel = await Fixtures.RunAsync(template, data, null, ReportOutput.Zip(parallelZip),
            new ReportOptions { NamePattern = "{{#}}-{{name}}", Parallelism = 4 }, new Collect(reported));

        Assert.Equal(Enumerable.Range(1, 24), reported);
        Assert.Equal(sequential.Records.Select(r => (r.Record, r.Output, r.Status)), parallel.Records.Select(r => (r.Record, r.Output, r.Status)));
        Assert.Equal(Fixtures.ZipEntries(sequentialZip), Fixtures.ZipEntries(parallelZip));
        Assert.Equal(24, parallel.Records.Count);
        ZipFile.ExtractToDirectory(parallelZip, _files.Path("unzipped"));
        Assert.Contains("Invoice for Client 7: 70", Fixtures.WordText(_files.Path("unzipped/" + parallel.Records[6].Output)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LeavesNoZip_WhenCancelledWhileRecordsRunInParallel()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}}"}""");
        var data = _files.File("d.csv", "name\n" + string.Join("\n", Enumerable.Range(1, 40).Select(i => "N" + i)) + "\n");
        var zip = _files.Path("reports.zip");
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        using (var output = ReportOutput.Zip(zip))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fixtures.RunAsync(template, data, null, output,
                new ReportOptions { Parallelism = 3 }, new Collect(_ => { if (++seen == 5) { cancel.Cancel(); } }), cancel.Token));
        }

        Assert.False(File.Exists(zip));
        Assert.Equal(["d.csv", "t.docx"], Directory.EnumerateFiles(_files.Folder).Select(Path.GetFileName).Order());
    }

    private sealed class Collect(Action<int> onRecord) : IProgress<ReportProgress>
    {
        public Collect(List<int> into)
            : this(into.Add)
        {
        }

        public void Report(ReportProgress value) => onRecord(value.Record);
    }
}
