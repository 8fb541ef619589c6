using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class MetadataRepairTests
{
    [Theory]
    [InlineData("docProps/core.xml", "")]
    [InlineData("docProps/core.xml", """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"><cp:keywords>""")]
    [InlineData("docProps/app.xml", "<Properties><Company>ACME & Sons</Company></Properties>")]
    public void Load_DropsTheMetadataPart_WhenItIsNotWellFormed(string part, string content)
    {
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), part, _ => content);
        Assert.ThrowsAny<System.Xml.XmlException>(() => System.Xml.Linq.XDocument.Parse(StrictPackages.PartText(input, part)));

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal(["Simple Monthly Budget"], RepairedPackages.SheetNames(document));
            Assert.Equal(2, document.WorkbookPart!.WorksheetParts.Single().TableDefinitionParts.Count());
            Assert.DoesNotContain(StrictPackages.SchemaErrors(document), e => e.Contains("docProps", StringComparison.Ordinal));
            document.Clone(new MemoryStream()).Dispose();
        }

        Assert.Equal([$"{part}: the document properties part is not well-formed XML and was dropped (its metadata, such as title, author or dates, is lost; the content is untouched)"], repairs);
    }

    [Theory]
    [InlineData("""<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>""",
        """<Override PartName="/docProps/core.xml" ContentType="invalid-application/vnd.openxmlformats-package.core-properties+xml"/>""",
        "docProps/core.xml: the document properties part was typed 'invalid-application/vnd.openxmlformats-package.core-properties+xml' in [Content_Types].xml; it is now typed 'application/vnd.openxmlformats-package.core-properties+xml'")]
    [InlineData("""<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>""", "",
        "docProps/app.xml: the document properties part was typed 'application/xml' in [Content_Types].xml; it is now typed 'application/vnd.openxmlformats-officedocument.extended-properties+xml'")]
    public void Load_RetypesTheMetadataPart_WhenItsContentTypeIsWrong(string find, string replace, string repair)
    {
        // Open-XML-SDK's InvalidDocPropsct.docx: LibreOffice opens it, the bare SDK refuses the document.
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), "[Content_Types].xml", xml => xml.Replace(find, replace, StringComparison.Ordinal));
        Assert.Contains("unexpected content type", RepairedPackages.BareSdkFailure(input)?.Message, StringComparison.Ordinal);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal("Johannes", document.PackageProperties.Creator);
            Assert.NotNull(document.CoreFilePropertiesPart);
            Assert.NotNull(document.ExtendedFilePropertiesPart);
            document.Clone(new MemoryStream()).Dispose();
        }

        Assert.Equal([repair + ", as its relationship requires (the part itself is unchanged)"], repairs);
    }

    [Fact]
    public void Inspect_StillRefuses_WhenAContentPartIsNotWellFormed()
    {
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), HostilePackages.Sheet, xml => xml[..(xml.Length / 2)]);

        var error = Assert.Throws<Officina.Operations.DocumentRejectedException>(() => RepairedPackages.Load(input));

        Assert.Equal("malformed_xml", error.Reason);
    }
}
