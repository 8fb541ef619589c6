using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Officina.OpenXml.LibreOffice;
using Officina.Testing;

namespace Officina.OpenXml.Tests.LibreOffice;

/// <summary>
/// A document LibreOffice renders or recalculates can point at a URL or a server file (a
/// linked picture); what LibreOffice makes of it must show neither, and nothing may be fetched.
/// </summary>
public sealed class LibreOfficeIsolationTests : IDisposable
{
    private readonly LinkedPictureTrap _trap = new();

    public static TheoryData<string, string, string> LinkedPictures() => new()
    {
        { "docx", "python-docx-report.docx", "http" },
        { "docx", "python-docx-report.docx", "file" },
        { "xlsx", "Complex01.xlsx", "http" },
        { "xlsx", "Complex01.xlsx", "file" },
        { "pptx", "libreoffice-features.pptx", "http" },
        { "pptx", "libreoffice-features.pptx", "file" },
    };

    [Theory]
    [MemberData(nameof(LinkedPictures))]
    public async Task ConvertToPdfAsync_NeitherFetchesNorDraws_WhenAPictureLinksOutside(string kind, string asset, string target)
    {
        var package = HostilePackages.LinkPictures(File.ReadAllBytes(HostilePackages.Asset(kind, asset)), target == "http" ? _trap.HttpUrl : _trap.FileUrl);

        var pdf = await LibreOfficeRunnerTests.Installed().ConvertToPdfAsync(package, "linked." + kind);

        Assert.Equal(0, _trap.Connections);
        Assert.Equal(0, LinkedPictureTrap.BaitPixels(pdf));
    }

    [Fact]
    public async Task RecalculateXlsxAsync_DoesNotFetch_WhenAPictureLinksToAUrl()
    {
        var package = HostilePackages.LinkPictures(File.ReadAllBytes(HostilePackages.Asset("xlsx", "Complex01.xlsx")), _trap.HttpUrl);

        await LibreOfficeRunnerTests.Installed().RecalculateXlsxAsync(package);

        Assert.Equal(0, _trap.Connections);
    }

    [Fact]
    public void Current_IsBubblewrap_WhenBubblewrapIsInstalled()
    {
        Assert.True(File.Exists("/usr/bin/bwrap"), "bubblewrap is not installed: apt-get install bubblewrap (scripts/test.sh does)");

        Assert.Equal(SandboxKind.Bubblewrap, LibreOfficeSandbox.Current.Kind);
        Assert.Null(LibreOfficeSandbox.Current.Warning);
    }

    [Fact]
    public async Task Start_KeepsTheNetworkAway()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var (exit, output) = await RunAsync($"exec 3<>/dev/tcp/127.0.0.1/{port} && echo connected", [], []);

            Assert.NotEqual(0, exit);
            Assert.DoesNotContain("connected", output, StringComparison.Ordinal);
            Assert.False(listener.Pending());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Start_ShowsOnlyTheRunsFolders()
    {
        var work = Directory.CreateTempSubdirectory("officina-sandbox-work-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "input.txt"), "visible");

            var (exit, output) = await RunAsync($"cat '{work.FullName}/input.txt'; echo written > '{work.FullName}/output.txt'; cat '{_trap.SecretFile}' && echo leaked", [], [work.FullName]);

            Assert.NotEqual(0, exit);
            Assert.Contains("visible", output, StringComparison.Ordinal);
            Assert.DoesNotContain("leaked", output, StringComparison.Ordinal);
            Assert.Equal("written\n", await File.ReadAllTextAsync(Path.Combine(work.FullName, "output.txt")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string script, string[] readable, string[] writable)
    {
        var start = LibreOfficeSandbox.Current.Start("/usr/bin/bash", ["-c", script], readable, writable);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    public void Dispose() => _trap.Dispose();
}
