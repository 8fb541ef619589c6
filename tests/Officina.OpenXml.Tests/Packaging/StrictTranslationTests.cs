using Officina.OpenXml.Packaging;
using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class StrictTranslationTests
{
    private const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void Translate_RenamesNamespacesAndRelationshipTypes_WhenPackageIsStrict()
    {
        var input = File.ReadAllBytes(HostilePackages.Asset("xlsx", "SimpleStrict.xlsx"));
        using var package = new MemoryStream();
        package.Write(input);

        var notes = StrictTranslation.Translate(package);

        var output = package.ToArray();
        Assert.Empty(StrictPackages.PartsNamingStrict(output));
        Assert.Contains($"xmlns=\"{Transitional}\"", StrictPackages.PartText(output, "xl/sharedStrings.xml"), StringComparison.Ordinal);
        Assert.Contains("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", StrictPackages.PartText(output, "_rels/.rels"), StringComparison.Ordinal);
        Assert.DoesNotContain("conformance=", StrictPackages.PartText(output, "xl/workbook.xml"), StringComparison.Ordinal);
        Assert.StartsWith("The file is in Strict Open XML format", notes[0], StringComparison.Ordinal);
        Assert.Null(RepairedPackages.BareSdkFailure(output));
    }

    [Fact]
    public void Translate_LeavesPackageAlone_WhenPackageIsTransitional()
    {
        var input = HostilePackages.Budget();
        using var package = new MemoryStream();
        package.Write(input);

        var notes = StrictTranslation.Translate(package);

        Assert.Empty(notes);
        Assert.Equal(input, package.ToArray());
    }

    [Theory]
    [InlineData("1990-01-01", false, 32874)]
    [InlineData("1900-01-01", false, 1)]
    [InlineData("1900-03-01", false, 61)]
    [InlineData("2024-02-29T18:00:00", false, 45351.75)]
    [InlineData("2024-02-29T18:00:00Z", false, 45351.75)]
    [InlineData("T12:00:00", false, 0.5)]
    [InlineData("1904-01-02", true, 1)]
    public void Serial_MatchesExcel_ForIsoDates(string iso, bool date1904, double expected)
    {
        Assert.Equal(expected, StrictCellDates.Serial(iso, date1904));
    }

    [Theory]
    [InlineData("1899-12-31", false)]
    [InlineData("1903-12-31", true)]
    [InlineData("next Tuesday", false)]
    public void Serial_IsNull_WhenDateIsNotRepresentable(string iso, bool date1904)
    {
        Assert.Null(StrictCellDates.Serial(iso, date1904));
    }

    [Fact]
    public void Translate_LeavesTextAttributesAlone_WhenTheyLookLikePercentages()
    {
        var input = HostilePackages.ReplaceText(File.ReadAllBytes(HostilePackages.Asset("xlsx", "SimpleStrict.xlsx")), "xl/theme/theme1.xml",
            xml => xml.Replace("""name="Office Theme">""", """name="50%">""", StringComparison.Ordinal));
        using var package = new MemoryStream();
        package.Write(input);

        StrictTranslation.Translate(package);

        Assert.Contains("""name="50%">""", StrictPackages.PartText(package.ToArray(), "xl/theme/theme1.xml"), StringComparison.Ordinal);
    }
}
