using System.IO.Compression;
using System.Text;
using Officina.OpenXml.LibreOffice;
using Officina.Testing;

namespace Officina.OpenXml.Tests.LibreOffice;

public sealed class LibreOfficeRunnerTests
{
    /// <summary>The real LibreOffice; fails (never skips) with how to install it when it is missing.</summary>
    internal static LibreOfficeRunner Installed()
    {
        var runner = new LibreOfficeRunner();
        Assert.True(runner.IsInstalled, LibreOfficeRunner.InstallHint);
        return runner;
    }

    [Fact]
    public void FindExecutable_FindsSoffice_WhenLibreOfficeIsInstalled()
    {
        var runner = Installed();
        Assert.EndsWith("soffice", Path.GetFileNameWithoutExtension(runner.Executable!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_ThrowsWithInstallHint_WhenSofficeIsMissing()
    {
        var runner = new LibreOfficeRunner("/nonexistent/soffice");
        var error = await Assert.ThrowsAsync<LibreOfficeNotInstalledException>(() => runner.ConvertToPdfAsync([1, 2, 3], "a.csv"));
        Assert.Contains("apt-get install libreoffice-calc-nogui", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertToPdfAsync_ReturnsPdf_WhenGivenCsv()
    {
        var pdf = await Installed().ConvertToPdfAsync(Encoding.UTF8.GetBytes("Name,Amount\nA,1\nB,2\n"), "data.csv");
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task RecalculateXlsxAsync_RecomputesStaleCachedValue_WhenInputCarriesAWrongValue()
    {
        // A1 = 2, A2 = A1*21 with a deliberately wrong cached value of 999.
        var xlsx = MinimalXlsx("""<row r="1"><c r="A1"><v>2</v></c></row><row r="2"><c r="A2"><f>A1*21</f><v>999</v></c></row>""");
        var output = await Installed().RecalculateXlsxAsync(xlsx);
        var sheet = ReadEntry(output, "xl/worksheets/sheet1.xml");
        Assert.Contains("<v>42</v>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("999", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_ThrowsTimeout_WhenRunExceedsTimeout()
    {
        var runner = new LibreOfficeRunner(Installed().Executable, TimeSpan.FromMilliseconds(50), timeoutSetting: "the test's timeout");
        var error = await Assert.ThrowsAsync<LibreOfficeTimeoutException>(() => runner.ConvertToPdfAsync(Encoding.UTF8.GetBytes("a,b\n"), "data.csv"));
        Assert.Contains("raise the limit with the test's timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_KillsTheWholeProcessTree_WhenAHungLibreOfficePassesItsTimeout()
    {
        using var hung = new HungLibreOffice();
        var runner = new LibreOfficeRunner(hung.Program, TimeSpan.FromSeconds(2), timeoutSetting: "Officina:RenderTimeoutSeconds");

        // The script sleeps ten minutes; the safety limit only keeps a broken timeout from hanging the test run.
        var error = await Assert.ThrowsAsync<LibreOfficeTimeoutException>(
            () => runner.RecalculateXlsxAsync(MinimalXlsx("""<row r="1"><c r="A1"><v>2</v></c></row>""")).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        Assert.Contains("did not finish within 2 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("Officina:RenderTimeoutSeconds", error.Message, StringComparison.Ordinal);
        Assert.Empty(await hung.SurvivorsAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ConvertAsync_ThrowsCancelled_WhenTokenIsCancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Installed().ConvertToPdfAsync(Encoding.UTF8.GetBytes("a,b\n"), "data.csv", cancel.Token));
    }

    [Fact]
    public void RecalculatingProfile_SetsAlwaysRecalculate_ForOoxmlAndOdf()
    {
        var xml = System.Xml.Linq.XDocument.Parse(LibreOfficeRunner.RecalculatingProfile);
        var props = xml.Descendants("prop").ToDictionary(p => (string)p.Attribute(System.Xml.Linq.XName.Get("name", "http://openoffice.org/2001/registry"))!, p => p.Value);
        Assert.Equal("0", props["OOXMLRecalcMode"]);
        Assert.Equal("0", props["ODFRecalcMode"]);
    }

    internal static byte[] MinimalXlsx(string sheetData)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Write(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Write(zip, "xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>""");
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static string ReadEntry(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}

/// <summary>Conversions beyond one per core wait for a slot instead of starting more LibreOffice processes.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LibreOfficeConcurrencyTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("officina-lo-concurrency-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task ConvertAsync_RunsAtMostOneProcessPerCore_WhenManyConversionsStartAtOnce()
    {
        // A stand-in for soffice that records how many copies of itself run at once, then writes the output file.
        var log = Path.Combine(_work.FullName, "running.log");
        var executable = Path.Combine(_work.FullName, "soffice");
        File.WriteAllText(executable, $$"""
            #!/bin/sh
            for last; do :; done
            out=""; prev=""
            for a; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
            ( flock 9; echo start >> "{{log}}" ) 9>"{{log}}.lock"
            sleep 0.3
            ( flock 9; echo end >> "{{log}}" ) 9>"{{log}}.lock"
            base=$(basename "$last"); echo converted > "$out/${base%.*}.pdf"
            """.Replace("\r", "", StringComparison.Ordinal));
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Outside the sandbox: the stand-in writes its log beside itself, which the sandbox would not allow.
        var runner = new LibreOfficeRunner(executable, sandbox: LibreOfficeSandbox.Off);
        var conversions = LibreOfficeRunner.MaxConcurrentProcesses * 3;

        var outputs = await Task.WhenAll(Enumerable.Range(0, conversions)
            .Select(i => Task.Run(() => runner.ConvertToPdfAsync(Encoding.UTF8.GetBytes("a,b\n"), $"data{i}.csv"))));

        Assert.All(outputs, pdf => Assert.Equal("converted\n", Encoding.ASCII.GetString(pdf)));
        var running = 0;
        var most = 0;
        foreach (var line in File.ReadAllLines(log))
        {
            running += line == "start" ? 1 : -1;
            most = Math.Max(most, running);
        }

        Assert.Equal(conversions * 2, File.ReadAllLines(log).Length);
        Assert.InRange(most, 1, LibreOfficeRunner.MaxConcurrentProcesses);
    }
}
