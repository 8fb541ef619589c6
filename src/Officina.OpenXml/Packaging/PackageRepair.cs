using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Mends the few package defects that make the OpenXML SDK refuse a file Office itself
/// opens, where the defect carries no content: a relationship without an Id, a Type or a
/// Target points at nothing, and neither does one whose part is not in the package when
/// nothing refers to it (package-level relationships, or an Id its part never uses), so
/// dropping it loses nothing. A missing picture that DrawingML pictures show is unlinked from
/// them: the picture frame stays empty, as Office and LibreOffice show it. Any other missing
/// part that is used is refused by name. Every repair is reported.
/// </summary>
public static class PackageRepair
{
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Drawing = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> MendRelationships(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var broken = new Dictionary<string, XDocument>();
        var edited = new Dictionary<string, XDocument>(StringComparer.OrdinalIgnoreCase);
        var repairs = new List<string>();
        package.Position = 0;
        using (var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        {
            var parts = new HashSet<string>(zip.Entries.Select(e => PackageXml.PartKey(e.FullName)), StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                XDocument document;
                using (var stream = entry.Open())
                {
                    try
                    {
                        document = XDocument.Load(XmlReader.Create(stream, Settings));
                    }
                    catch (XmlException)
                    {
                        continue;
                    }
                }

                var useless = document.Root?.Elements(Relationships + "Relationship")
                    .Where(r => string.IsNullOrEmpty((string?)r.Attribute("Id")) || string.IsNullOrEmpty((string?)r.Attribute("Type"))
                        || r.Attribute("Target") is null)
                    .ToList() ?? [];
                foreach (var relationship in useless)
                {
                    repairs.Add($"{entry.FullName}: dropped a relationship with no Id, Type or Target ({relationship.ToString(SaveOptions.DisableFormatting)})");
                    relationship.Remove();
                }

                var dangling = DanglingRelationships(zip, entry.FullName, document, parts, edited);
                foreach (var (relationship, target, pictures) in dangling)
                {
                    var id = (string?)relationship.Attribute("Id");
                    repairs.Add(pictures == 0
                        ? $"{entry.FullName}: dropped relationship {id} to '{target}', a part that is not in the package and that nothing uses"
                        : $"{PackageXml.SourcePart(entry.FullName)}: {pictures} picture(s) showed '{target}' (relationship {id}), which is not in the package; "
                            + "the reference and the relationship were dropped and the picture frame kept, empty, as Office and LibreOffice show a missing picture");
                    relationship.Remove();
                }

                if (useless.Count == 0 && dangling.Count == 0)
                {
                    continue;
                }

                broken[entry.FullName] = document;
            }
        }

        if (broken.Count > 0)
        {
            package.Position = 0;
            using var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true);
            foreach (var (name, document) in broken.Concat(edited))
            {
                zip.GetEntry(name)!.Delete();
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                document.Save(stream, SaveOptions.DisableFormatting);
            }
        }

        package.Position = 0;
        return repairs;
    }

    /// <summary>
    /// Internal relationships of one .rels part whose target part is missing and unused, or a
    /// picture only DrawingML pictures show (unlinked from them in <paramref name="edited"/>, with
    /// their count); throws when the missing part is otherwise used (its source names the
    /// relationship's Id, or it is the main part).
    /// </summary>
    private static List<(XElement Relationship, string Target, int Pictures)> DanglingRelationships(
        ZipArchive zip, string relsName, XDocument document, HashSet<string> parts, Dictionary<string, XDocument> edited)
    {
        var found = new List<(XElement, string, int)>();
        var source = PackageXml.SourcePart(relsName);
        string? sourceText = null;
        foreach (var relationship in document.Root?.Elements(Relationships + "Relationship") ?? [])
        {
            if (string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
                || PackageXml.TargetPart(source, (string)relationship.Attribute("Target")!) is not { } target || parts.Contains(target))
            {
                continue;
            }

            var id = (string)relationship.Attribute("Id")!;
            var type = (string)relationship.Attribute("Type")!;
            var used = type.EndsWith("/officeDocument", StringComparison.Ordinal)
                || (source.Length > 0 && (sourceText ??= ReadText(zip, source)).Contains($"\"{id}\"", StringComparison.Ordinal));
            var pictures = 0;
            if (used && (!type.EndsWith("/image", StringComparison.Ordinal) || (pictures = UnlinkPictures(zip, source, id, edited)) == 0))
            {
                throw new DocumentRejectedException("missing_part",
                    $"The package is damaged: {(source.Length > 0 ? $"'{source}'" : "the package")} uses '{target}' (relationship {id}), which is not in the package.");
            }

            found.Add((relationship, target, pictures));
        }

        return found;
    }

    /// <summary>
    /// Removes the <c>r:embed</c> / <c>r:link</c> of every DrawingML picture (<c>a:blip</c>) in
    /// <paramref name="source"/> that names <paramref name="id"/>, and returns how many there
    /// were; 0, changing nothing, when anything else in the part names the relationship.
    /// </summary>
    private static int UnlinkPictures(ZipArchive zip, string source, string id, Dictionary<string, XDocument> edited)
    {
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.Equals(source, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return 0;
        }

        if (!edited.TryGetValue(entry.FullName, out var part))
        {
            using var stream = entry.Open();
            try
            {
                part = XDocument.Load(XmlReader.Create(stream, Settings), LoadOptions.PreserveWhitespace);
            }
            catch (XmlException)
            {
                return 0;
            }
        }

        var uses = part.Descendants().Attributes().Where(a => a.Value == id && a.Name.Namespace == OfficeRelationships).ToList();
        var pictures = uses.Where(a => a.Parent!.Name == Drawing + "blip" && a.Name.LocalName is "embed" or "link").ToList();
        if (pictures.Count == 0 || pictures.Count != uses.Count)
        {
            return 0;
        }

        pictures.ForEach(a => a.Remove());
        edited[entry.FullName] = part;
        return pictures.Count;
    }

    private static string ReadText(ZipArchive zip, string part)
    {
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.Equals(part, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return "";
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
