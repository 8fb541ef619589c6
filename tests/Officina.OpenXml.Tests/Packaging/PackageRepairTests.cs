using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class PackageRepairTests
{
    [Fact]
    public void MendRelationships_DropsAPackageRelationship_WhenItsPartIsMissing()
    {
        var package = HostilePackages.ReplaceText(HostilePackages.Budget(), "_rels/.rels",
            xml => xml.Replace("docProps/core.xml", "docProps/gone.xml", StringComparison.Ordinal));
        using var working = new MemoryStream();
        working.Write(package);

        var repairs = PackageRepair.MendRelationships(working);

        var repair = Assert.Single(repairs);
        Assert.Contains("'docProps/gone.xml', a part that is not in the package and that nothing uses", repair, StringComparison.Ordinal);
        Assert.DoesNotContain("gone.xml", HostilePackages.Text(working.ToArray(), "_rels/.rels"), StringComparison.Ordinal);
    }

    [Fact]
    public void MendRelationships_Refuses_WhenAPartUsesAMissingPart()
    {
        // sheet1.xml names its drawing by relationship id; the drawing part is gone.
        var package = HostilePackages.ReplaceText(HostilePackages.Budget(), "xl/worksheets/_rels/sheet1.xml.rels",
            xml => xml.Replace("../drawings/drawing1.xml", "../drawings/missing.xml", StringComparison.Ordinal));
        using var working = new MemoryStream();
        working.Write(package);

        var error = Assert.Throws<DocumentRejectedException>(() => PackageRepair.MendRelationships(working));

        Assert.Equal("missing_part", error.Reason);
        Assert.Contains("'xl/worksheets/sheet1.xml' uses 'xl/drawings/missing.xml'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnlinksThePicture_WhenTheImageItShowsIsMissing()
    {
        // Open-XML-SDK's ForTestCase_typical.pptx: a slide picture whose image relationship targets "NULL".
        var deck = File.ReadAllBytes(HostilePackages.Asset("pptx", "libreoffice-features.pptx"));
        var input = HostilePackages.ReplaceText(deck, "ppt/slides/_rels/slide5.xml.rels",
            xml => xml.Replace("Target=\"../media/image1.jpeg\"", "Target=\"NULL\"", StringComparison.Ordinal));

        var loaded = WorkingCopy.Load(new MemoryStream(input), null, DocumentHost.PowerPoint, "a PowerPoint deck");
        using var document = PresentationDocument.Open(loaded.Working, false);

        var slide = document.PresentationPart!.SlideParts.Single(s => s.Uri.OriginalString.EndsWith("slide5.xml", StringComparison.Ordinal));
        var blips = slide.Slide.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().ToList();
        Assert.Equal(2, blips.Count);
        Assert.Single(blips, b => b.Embed is null);
        Assert.Single(slide.ImageParts);
        document.Clone(new MemoryStream()).Dispose();
        var repair = Assert.Single(loaded.Repairs);
        Assert.Equal("ppt/slides/slide5.xml: 1 picture(s) showed 'ppt/slides/NULL' (relationship rId1), which is not in the package; "
            + "the reference and the relationship were dropped and the picture frame kept, empty, as Office and LibreOffice show a missing picture", repair);
    }

    [Fact]
    public void MendRelationships_StillRefuses_WhenAMissingImageIsUsedOtherwiseThanByAPicture()
    {
        var package = HostilePackages.ReplaceText(HostilePackages.Budget(), "xl/theme/_rels/theme1.xml.rels",
            xml => xml.Replace("../media/image1.jpeg", "../media/gone.jpeg", StringComparison.Ordinal));
        package = HostilePackages.ReplaceText(package, "xl/theme/theme1.xml",
            xml => xml.Replace("<a:theme ", """<a:theme xmlns:r2="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r2:id="rId1" """, StringComparison.Ordinal));
        using var working = new MemoryStream();
        working.Write(package);

        var error = Assert.Throws<DocumentRejectedException>(() => PackageRepair.MendRelationships(working));

        Assert.Equal("missing_part", error.Reason);
    }

    [Fact]
    public void Inspect_Refuses_WhenTwoPartsDifferOnlyInCase()
    {
        var package = HostilePackages.Replace(HostilePackages.Budget(), "XL/worksheets/sheet1.xml", Encoding.UTF8.GetBytes("<worksheet/>"));

        var error = Assert.Throws<DocumentRejectedException>(() => PackageGuard.Inspect(new MemoryStream(package)));

        Assert.Equal("duplicate_part", error.Reason);
    }

    [Fact]
    public void Inspect_Refuses_WhenTheCentralDirectoryCountIsWrong()
    {
        var package = HostilePackages.Budget();
        // The end-of-central-directory record's 'entries on this disk' and 'total entries' fields.
        var end = package.AsSpan().LastIndexOf(new byte[] { 0x50, 0x4B, 0x05, 0x06 });
        package[end + 8] ^= 0x01;
        package[end + 10] ^= 0x01;

        var error = Assert.Throws<DocumentRejectedException>(() => PackageGuard.Inspect(new MemoryStream(package)));

        Assert.Equal("damaged_zip", error.Reason);
    }
}
