using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Mends the few package defects that make the OpenXML SDK refuse a file Office itself
/// opens, where the defect carries no content: a relationship without an Id, a Type or a
/// Target points at nothing, so dropping it loses nothing. Every repair is reported.
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
                if (useless.Count == 0)
                {
                    continue;
                }

                foreach (var relationship in useless)
                {
                    repairs.Add($"{entry.FullName}: dropped a relationship with no Id, Type or Target ({relationship.ToString(SaveOptions.DisableFormatting)})");
                    relationship.Remove();
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
}
