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

    [Fact]
    public void Inspect_StillRefuses_WhenAContentPartIsNotWellFormed()
    {
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), HostilePackages.Sheet, xml => xml[..(xml.Length / 2)]);

        var error = Assert.Throws<Officina.Operations.DocumentRejectedException>(() => RepairedPackages.Load(input));

        Assert.Equal("malformed_xml", error.Reason);
    }
}
