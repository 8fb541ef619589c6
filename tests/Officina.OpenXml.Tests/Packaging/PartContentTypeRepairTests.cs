using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class PartContentTypeRepairTests
{
    [Theory]
    [InlineData("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""", "")]
    [InlineData("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""",
        """<Override PartName="/xl/styles.xml" ContentType="application/xml"/>""")]
    public void Load_TypesTheStylesPart_WhenOnlyTheGenericXmlTypeCoversIt(string find, string replace)
    {
        // ClosedXML's LO_xlsx_tdf100709.xlsx has no Override for its styles part: LibreOffice opens it, the bare SDK refuses it.
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), "[Content_Types].xml", xml => xml.Replace(find, replace, StringComparison.Ordinal));
        Assert.Contains("unexpected content type", RepairedPackages.BareSdkFailure(input)?.Message, StringComparison.Ordinal);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.NotEmpty(document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements());
            document.Clone(new MemoryStream()).Dispose();
        }

        Assert.Equal(["xl/styles.xml: typed only as 'application/xml' in [Content_Types].xml; it is now typed 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml', as its relationship requires (the part itself is unchanged)"], repairs);
    }

    [Fact]
    public void Load_LeavesAnOtherwiseTypedPartAlone()
    {
        // A content type other than the generic one is a different claim about the part, not a missing label.
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), "[Content_Types].xml", xml => xml.Replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", "text/plain", StringComparison.Ordinal));

        var error = Assert.Throws<Officina.Operations.DocumentRejectedException>(() => RepairedPackages.Load(input));

        Assert.Equal("damaged_package", error.Reason);
        Assert.Contains("unexpected content type", error.Message, StringComparison.Ordinal);
    }
}
