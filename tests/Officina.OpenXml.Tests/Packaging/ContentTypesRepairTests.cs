using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class ContentTypesRepairTests
{
    private const string ContentTypes = "[Content_Types].xml";

    [Fact]
    public void Load_RewritesContentTypesWithoutPrefix_WhenTheyUseANamespacePrefix()
    {
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), ContentTypes, xml => xml
            .Replace("<Types xmlns=", "<ct:Types xmlns:ct=", StringComparison.Ordinal)
            .Replace("<Default ", "<ct:Default ", StringComparison.Ordinal)
            .Replace("<Override ", "<ct:Override ", StringComparison.Ordinal)
            .Replace("</Types>", "</ct:Types>", StringComparison.Ordinal));
        Assert.Contains("Types tag", RepairedPackages.BareSdkFailure(input)?.Message, StringComparison.Ordinal);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal(ExpectedSheets(), RepairedPackages.SheetNames(document));
            Assert.NotEmpty(document.WorkbookPart!.WorksheetParts.Single().TableDefinitionParts);
        }

        Assert.Contains(repairs, r => r.StartsWith("[Content_Types].xml: rewrote the content types without namespace prefixes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rels", "application/vnd.openxmlformats-package.relationships+xml")]
    [InlineData("xml", "application/xml")]
    public void Load_AddsTheDefaultContentType_WhenTheExtensionHasNone(string extension, string contentType)
    {
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), ContentTypes,
            xml => xml.Replace($"""<Default Extension="{extension}" ContentType="{contentType}"/>""", "", StringComparison.Ordinal));
        Assert.DoesNotContain($"Extension=\"{extension}\"", StrictPackages.PartText(input, ContentTypes), StringComparison.Ordinal);
        Assert.NotNull(RepairedPackages.BareSdkFailure(input));

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal(ExpectedSheets(), RepairedPackages.SheetNames(document));
            Assert.NotNull(document.WorkbookPart!.WorkbookStylesPart?.Stylesheet);
        }

        Assert.Contains(repairs, r => r.StartsWith($"[Content_Types].xml: added the missing content type for .{extension} parts", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ReportsNoRepair_WhenContentTypesAreWellFormed()
    {
        var (document, repairs) = RepairedPackages.Load(HostilePackages.Budget());
        document.Dispose();

        Assert.Empty(repairs);
    }

    private static List<string> ExpectedSheets()
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(HostilePackages.Budget()), false);
        return RepairedPackages.SheetNames(document);
    }
}
