using Officina.Testing;

namespace Officina.Cli.Tests;

/// <summary>A document whose pictures link to a URL or a server file: rendering and verifying it fetch nothing and show nothing of it.</summary>
public sealed class LinkedPictureTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly LinkedPictureTrap _trap = new();

    [Theory]
    [InlineData("docx", "python-docx-report.docx", "file")]
    [InlineData("xlsx", "Complex01.xlsx", "http")]
    [InlineData("pptx", "libreoffice-features.pptx", "http")]
    public async Task Render_NeitherFetchesNorShows_WhenAPictureLinksOutside(string kind, string asset, string target)
    {
        var linked = HostilePackages.LinkPictures(File.ReadAllBytes(HostilePackages.Asset(kind, asset)), target == "http" ? _trap.HttpUrl : _trap.FileUrl);
        var input = _cli.Write("linked." + kind, linked);
        var output = _cli.PathOf("linked.pdf");

        var (exit, _, error) = await _cli.RunAsync("render", input, "-o", output);

        Assert.True(exit == 0, error);
        Assert.Equal(0, _trap.Connections);
        Assert.Equal(0, LinkedPictureTrap.BaitPixels(File.ReadAllBytes(output)));
        Assert.Equal(linked, File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Verify_DoesNotFetch_WhenAWorkbookPictureLinksToAUrl()
    {
        var input = _cli.Write("linked.xlsx", HostilePackages.LinkPictures(File.ReadAllBytes(HostilePackages.Asset("xlsx", "Complex01.xlsx")), _trap.HttpUrl));

        await _cli.RunAsync("verify", input);

        Assert.Equal(0, _trap.Connections);
    }

    public void Dispose()
    {
        _trap.Dispose();
        _cli.Dispose();
    }
}
