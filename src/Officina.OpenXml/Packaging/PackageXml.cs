using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Reads and replaces the XML parts of a package held in memory, for the mending that has to
/// happen before the OpenXML SDK sees the package. The guard has already checked every part
/// (size, depth, no DTD), so loading one whole is safe here.
/// </summary>
internal static class PackageXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>The names of the package's XML parts (.xml and .rels), in zip order.</summary>
    public static List<string> XmlPartNames(MemoryStream package)
    {
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        return zip.Entries.Where(e => IsXml(e.FullName)).Select(e => e.FullName).ToList();
    }

    /// <summary>The names of every entry of the package.</summary>
    public static List<string> EntryNames(MemoryStream package)
    {
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>Loads one part, whitespace kept; null when it is missing or not well-formed.</summary>
    public static XDocument? Load(MemoryStream package, string name) => LoadAll(package, n => n == name).GetValueOrDefault(name);

    /// <summary>Loads the parts whose names <paramref name="select"/> picks, opening the zip once; parts that are not well-formed are left out.</summary>
    public static Dictionary<string, XDocument> LoadAll(MemoryStream package, Func<string, bool> select)
    {
        var documents = new Dictionary<string, XDocument>(StringComparer.Ordinal);
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries.Where(e => select(e.FullName)))
        {
            using var stream = entry.Open();
            try
            {
                using var reader = XmlReader.Create(stream, Settings);
                documents[entry.FullName] = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            }
            catch (XmlException)
            {
                // Not well-formed: the caller treats it as missing.
            }
        }

        package.Position = 0;
        return documents;
    }

    /// <summary>Replaces (or adds) parts; a null document deletes the part.</summary>
    public static void Replace(MemoryStream package, IReadOnlyDictionary<string, XDocument?> parts)
    {
        if (parts.Count == 0)
        {
            return;
        }

        package.Position = 0;
        using (var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, document) in parts)
            {
                zip.GetEntry(name)?.Delete();
                if (document is null)
                {
                    continue;
                }

                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                document.Save(stream, SaveOptions.DisableFormatting);
            }
        }

        package.Position = 0;
    }

    public static bool IsRelationships(string name) => name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>The part a .rels part belongs to: <c>word/_rels/document.xml.rels</c> to <c>word/document.xml</c>; empty for the package's own.</summary>
    public static string SourcePart(string relsName)
    {
        ArgumentNullException.ThrowIfNull(relsName);
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(relsName)) ?? "";
        var name = Path.GetFileNameWithoutExtension(relsName);
        return relsName.Equals("_rels/.rels", StringComparison.OrdinalIgnoreCase) ? "" : (folder.Length > 0 ? folder.Replace('\\', '/') + "/" : "") + name;
    }

    /// <summary>
    /// The part an internal relationship of <paramref name="source"/> targets, as a zip entry
    /// name with percent-escapes decoded (compare it with <see cref="PartKey"/>); null when the
    /// target is not a plain part reference (empty, a bare fragment, an absolute URI).
    /// </summary>
    public static string? TargetPart(string source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Length == 0 || target.StartsWith('#') || target.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var folder = source.Contains('/', StringComparison.Ordinal) ? source[..(source.LastIndexOf('/') + 1)] : "";
        return Resolve(folder, Uri.UnescapeDataString(target.Split('#')[0]));
    }

    /// <summary>A zip entry name as <see cref="TargetPart"/> gives it: part names may be percent-escaped in the zip.</summary>
    public static string PartKey(string entryName) => Uri.UnescapeDataString(entryName);

    /// <summary>
    /// Every part that an internal relationship of the package targets, from every .rels part
    /// (but <paramref name="except"/>) whether or not its own part is reached, as
    /// <see cref="PartKey"/>s compared without case.
    /// </summary>
    public static HashSet<string> Targets(MemoryStream package, string? except = null)
    {
        var targets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rels, document) in LoadAll(package, n => IsRelationships(n) && !n.Equals(except, StringComparison.OrdinalIgnoreCase)))
        {
            var source = SourcePart(rels);
            foreach (var relationship in document.Root?.Elements() ?? [])
            {
                if (relationship.Name.LocalName == "Relationship"
                    && !string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
                    && (string?)relationship.Attribute("Target") is { } target && TargetPart(source, target) is { } part)
                {
                    targets.Add(part);
                }
            }
        }

        return targets;
    }

    public static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>A relationship target as a zip entry name, relative to the source part's folder or absolute.</summary>
    public static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target.TrimStart('/') : folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
