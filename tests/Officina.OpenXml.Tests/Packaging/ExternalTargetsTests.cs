using System.IO.Compression;
using System.Text;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class ExternalTargetsTests
{
    [Fact]
    public void Neutralize_PointsLinkedPicturesNowhere_AndKeepsEverythingElse()
    {
        var linked = HostilePackages.LinkPictures(File.ReadAllBytes(HostilePackages.Asset("xlsx", "Complex01.xlsx")), "file:///etc/passwd");
        Assert.Contains("/etc/passwd", HostilePackages.Text(linked, "xl/drawings/_rels/drawing2.xml.rels"), StringComparison.Ordinal);

        var (package, count) = ExternalTargets.Neutralize(linked);

        Assert.Equal(1, count);
        var rels = HostilePackages.Text(package, "xl/drawings/_rels/drawing2.xml.rels");
        Assert.Contains("Target=\"about:blank\"", rels, StringComparison.Ordinal);
        Assert.DoesNotContain("/etc/passwd", rels, StringComparison.Ordinal);
        Assert.Equal(HostilePackages.Text(linked, "xl/drawings/drawing2.xml"), HostilePackages.Text(package, "xl/drawings/drawing2.xml"));
        Assert.Equal(Names(linked), Names(package));
    }

    [Fact]
    public void Neutralize_KeepsHyperlinks()
    {
        var package = HostilePackages.Replace(HostilePackages.Budget(), "xl/worksheets/_rels/sheet1.xml.rels", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>"""));

        var (result, count) = ExternalTargets.Neutralize(package);

        Assert.Equal(0, count);
        Assert.Same(package, result);
    }

    [Fact]
    public void Neutralize_ReturnsTheBytes_WhenTheyAreNotAZip()
    {
        var csv = Encoding.UTF8.GetBytes("a,b\n1,2\n");

        Assert.Same(csv, ExternalTargets.Neutralize(csv).Package);
    }

    [Fact]
    public void Neutralize_Refuses_WhenRelationshipsCannotBeRead()
    {
        var package = HostilePackages.Replace(HostilePackages.Budget(), "xl/drawings/_rels/drawing1.xml.rels", Encoding.UTF8.GetBytes("<Relationships"));

        var error = Assert.Throws<DocumentRejectedException>(() => ExternalTargets.Neutralize(package));

        Assert.Equal("damaged_package", error.Reason);
    }


    private static string[] Names(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        return [.. zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
    }
}
