using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Officina.Testing;

/// <summary>What the Strict Open XML tests check in a saved package: no Strict name left, no schema error.</summary>
internal static class StrictPackages
{
    /// <summary>The XML parts that still name a Strict namespace or relationship type.</summary>
    public static List<string> PartsNamingStrict(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. zip.Entries
            .Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal))
            .Where(e => new StreamReader(e.Open()).ReadToEnd().Contains("http://purl.oclc.org/ooxml/", StringComparison.Ordinal))
            .Select(e => e.FullName)];
    }

    /// <summary>Every schema error of the package (not only those an edit added).</summary>
    public static List<string> SchemaErrors(OpenXmlPackage package) =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    /// <summary>One part's XML as saved.</summary>
    public static string PartText(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return new StreamReader(zip.GetEntry(part)!.Open()).ReadToEnd();
    }
}
