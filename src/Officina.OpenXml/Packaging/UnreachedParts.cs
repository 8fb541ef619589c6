using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Names the parts of a package that no relationship reaches from the package's root. The SDK
/// saves by copying the parts it reaches (<see cref="WorkingCopy.Save"/> clones), so these are
/// not written back: a repair like any other, and reported as one, rather than a silent loss.
/// Nothing in the file refers to such a part, so no reader shows what it holds.
/// </summary>
public static class UnreachedParts
{
    private const int Named = 10;

    /// <summary>What is dropped on save, as repair notes (empty when every part is reached).</summary>
    /// <param name="document">The package as the SDK opened it.</param>
    /// <param name="package">The same package's bytes, to list every zip entry.</param>
    public static IReadOnlyList<string> Describe(OpenXmlPackage document, byte[] package)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(package);
        var kept = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "[Content_Types].xml", "_rels/.rels" };
        foreach (var part in document.GetAllParts())
        {
            var name = NameOf(part.Uri);
            kept.Add(name);
            var folder = name.Contains('/', StringComparison.Ordinal) ? name[..(name.LastIndexOf('/') + 1)] : "";
            kept.Add($"{folder}_rels/{name[folder.Length..]}.rels");
        }

        foreach (var data in document.DataParts)
        {
            kept.Add(NameOf(data.Uri));
        }

        List<string> dropped;
        using (var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read))
        {
            dropped = [.. zip.Entries.Select(e => e.FullName).Where(n => !n.EndsWith('/') && !kept.Contains(PackageXml.PartKey(n)))];
        }

        if (dropped.Count == 0)
        {
            return [];
        }

        var names = string.Join(", ", dropped.Take(Named).Select(n => $"'{n}'")) + (dropped.Count > Named ? $" and {dropped.Count - Named} more" : "");
        return [$"{names}: no relationship reaches {(dropped.Count == 1 ? "this part" : $"these {dropped.Count} parts")}, so nothing in the file uses {(dropped.Count == 1 ? "it" : "them")}; {(dropped.Count == 1 ? "it is" : "they are")} not saved"];
    }

    private static string NameOf(Uri uri) => PackageXml.PartKey(uri.OriginalString).TrimStart('/');
}
