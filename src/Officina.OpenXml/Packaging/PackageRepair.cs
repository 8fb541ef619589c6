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
/// dropping it loses nothing. A missing part that is used is refused by name. Every repair
/// is reported.
/// </summary>
public static class PackageRepair
{
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> MendRelationships(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var broken = new Dictionary<string, XDocument>();
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
                        document = XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
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

                var dangling = DanglingRelationships(zip, entry.FullName, document, parts);
                foreach (var (relationship, target) in dangling)
                {
                    repairs.Add($"{entry.FullName}: dropped relationship {(string?)relationship.Attribute("Id")} to '{target}', a part that is not in the package and that nothing uses");
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
            foreach (var (name, document) in broken)
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
    /// Internal relationships of one .rels part whose target part is missing and unused; throws
    /// when the missing part is used (its source names the relationship's Id, or it is the main part).
    /// </summary>
    private static List<(XElement Relationship, string Target)> DanglingRelationships(ZipArchive zip, string relsName, XDocument document, HashSet<string> parts)
    {
        var found = new List<(XElement, string)>();
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
            if (used)
            {
                throw new DocumentRejectedException("missing_part",
                    $"The package is damaged: {(source.Length > 0 ? $"'{source}'" : "the package")} uses '{target}' (relationship {id}), which is not in the package.");
            }

            found.Add((relationship, target));
        }

        return found;
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
