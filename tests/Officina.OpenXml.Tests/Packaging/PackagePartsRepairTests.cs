using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

/// <summary>
/// Packages whose parts break a packaging rule the SDK enforces late or not at all: two parts
/// of a kind allowed once (<see cref="SingletonPartRepair"/>), a part name that continues
/// another (<see cref="DerivedNameRepair"/>), parts nothing reaches (<see cref="UnreachedParts"/>).
/// </summary>
public sealed class PackagePartsRepairTests
{
    private const string CoreType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private const string CoreContentType = "application/vnd.openxmlformats-package.core-properties+xml";

    [Fact]
    public void Load_KeepsTheFirstCoreProperties_WhenThePackageHasTwo()
    {
        var input = WithPart(HostilePackages.Budget(), "docProps/core2.xml", CoreContentType,
            HostilePackages.Text(HostilePackages.Budget(), "docProps/core.xml").Replace("Johannes", "Someone else", StringComparison.Ordinal));
        input = AddPackageRelationship(input, CoreType, "docProps/core2.xml");
        Assert.Contains("Only one instance", RepairedPackages.BareSdkFailure(input)?.Message, StringComparison.Ordinal);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal("Johannes", document.PackageProperties.Creator);
            var saved = new MemoryStream();
            document.Clone(saved).Dispose();
            Assert.DoesNotContain(Entries(saved.ToArray()), e => e.Contains("core2", StringComparison.Ordinal));
        }

        var repair = Assert.Single(repairs);
        Assert.Equal("_rels/.rels: the package has 2 core properties (title, author, dates) parts where one is allowed; the first, 'docProps/core.xml', is kept and 'docProps/core2.xml' dropped (such parts hold no document content)", repair);
    }

    [Fact]
    public void Load_DropsTheRepeat_WhenTwoRelationshipsNameTheSameCoreProperties()
    {
        var input = AddPackageRelationship(HostilePackages.Budget(), CoreType, "/docProps/core.xml");

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal("Johannes", document.PackageProperties.Creator);
            document.Clone(new MemoryStream()).Dispose();
        }

        Assert.Equal(["_rels/.rels: the core properties (title, author, dates) part 'docProps/core.xml' was named 2 times; the repeats were dropped"], repairs);
    }

    [Fact]
    public void Load_Refuses_WhenThePackageHasTwoMainParts()
    {
        var input = WithPart(HostilePackages.Budget(), "xl/workbook2.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            HostilePackages.Text(HostilePackages.Budget(), "xl/workbook.xml"));
        input = AddPackageRelationship(input, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook2.xml");

        var error = Assert.Throws<DocumentRejectedException>(() => RepairedPackages.Load(input));

        Assert.Equal("two_main_parts", error.Reason);
        Assert.Contains("'xl/workbook.xml', 'xl/workbook2.xml'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DropsTheUnusedPart_WhenItsNameContinuesAnother()
    {
        var input = HostilePackages.Replace(HostilePackages.Budget(), "xl/media/image1.jpeg/extra.xml", Encoding.UTF8.GetBytes("<a/>"));
        Assert.Contains("derived from another part name", RepairedPackages.BareSdkFailure(input)?.Message, StringComparison.Ordinal);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Single(document.WorkbookPart!.ThemePart!.ImageParts);
        }

        Assert.Equal(["'xl/media/image1.jpeg/extra.xml': dropped; its name continues the name of the part 'xl/media/image1.jpeg', which packages do not allow, and no relationship uses it"], repairs);
    }

    [Fact]
    public void Load_DropsTheUnusedPart_WhenItsNameIsAFolderOfAnother()
    {
        var input = HostilePackages.Replace(HostilePackages.Budget(), "xl/tables", Encoding.UTF8.GetBytes("junk"));

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal(2, document.WorkbookPart!.WorksheetParts.Single().TableDefinitionParts.Count());
        }

        Assert.Equal(["'xl/tables': dropped; its name is a folder of the part 'xl/tables/table1.xml', which packages do not allow, and no relationship uses it"], repairs);
    }

    [Fact]
    public void Load_Refuses_WhenBothPartsOfADerivedNameAreUsed()
    {
        var input = HostilePackages.Replace(HostilePackages.Budget(), "xl/media/image1.jpeg/more.jpeg", HostilePackages.SolidBitmap(2, 2, 0, 0, 0));
        input = HostilePackages.ReplaceText(input, "xl/drawings/_rels/drawing1.xml.rels", xml => xml.Replace("</Relationships>",
            """<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.jpeg/more.jpeg"/></Relationships>""",
            StringComparison.Ordinal));

        var error = Assert.Throws<DocumentRejectedException>(() => RepairedPackages.Load(input));

        Assert.Equal("derived_part_name", error.Reason);
        Assert.Contains("'xl/media/image1.jpeg' and the part 'xl/media/image1.jpeg/more.jpeg'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesThePartsNothingReaches_WhichAreNotSaved()
    {
        var input = WithPart(HostilePackages.Budget(), "docProps/core2.xml", CoreContentType, HostilePackages.Text(HostilePackages.Budget(), "docProps/core.xml"));
        input = HostilePackages.Replace(input, "customXml/orphan.bin", [1, 2, 3]);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            var saved = new MemoryStream();
            document.Clone(saved).Dispose();
            Assert.DoesNotContain(Entries(saved.ToArray()), e => e.Contains("core2", StringComparison.Ordinal) || e.Contains("orphan", StringComparison.Ordinal));
        }

        Assert.Equal(["'docProps/core2.xml', 'customXml/orphan.bin': no relationship reaches these 2 parts, so nothing in the file uses them; they are not saved"], repairs);
    }

    [Fact]
    public void Load_ReportsNothing_WhenEveryPartIsReached()
    {
        var (document, repairs) = RepairedPackages.Load(HostilePackages.Budget());

        document.Dispose();
        Assert.Empty(repairs);
    }

    private static byte[] WithPart(byte[] package, string name, string contentType, string content)
    {
        var withPart = HostilePackages.Replace(package, name, Encoding.UTF8.GetBytes(content));
        return HostilePackages.ReplaceText(withPart, "[Content_Types].xml", xml => xml.Replace("</Types>",
            $"""<Override PartName="/{name}" ContentType="{contentType}"/></Types>""", StringComparison.Ordinal));
    }

    private static byte[] AddPackageRelationship(byte[] package, string type, string target) =>
        HostilePackages.ReplaceText(package, "_rels/.rels", xml => xml.Replace("</Relationships>",
            $"""<Relationship Id="rId99" Type="{type}" Target="{target}"/></Relationships>""", StringComparison.Ordinal));

    private static List<string> Entries(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName)];
    }
}
