using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Drops a document-properties part (docProps/core.xml, app.xml, custom.xml: title, author,
/// dates, word counts, custom fields) that is not well-formed XML, with its relationship and
/// content type. Office and LibreOffice open such a file and ignore the part; the OpenXML SDK
/// refuses the whole document for it. Only metadata goes, never content, and the repair note
/// says which part. <see cref="PartScan"/> lets these parts through for this reason.
/// </summary>
public static class MetadataRepair
{
    private const string PackageRels = "_rels/.rels";
    private const string ContentTypes = "[Content_Types].xml";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>
    /// Whether <paramref name="partName"/> (a zip entry name) is a metadata part this repair
    /// may drop: one in the package's docProps folder, where Office writes them.
    /// </summary>
    public static bool IsMetadataPart(string partName)
    {
        ArgumentNullException.ThrowIfNull(partName);
        return partName.StartsWith("docProps/", StringComparison.OrdinalIgnoreCase)
            && partName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            && partName.IndexOf('/', "docProps/".Length) < 0;
    }

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var metadata = PackageXml.XmlPartNames(package).Where(IsMetadataPart).ToList();
        var readable = PackageXml.LoadAll(package, metadata.Contains);
        var unreadable = metadata.Where(n => !readable.ContainsKey(n)).ToList();
        if (unreadable.Count == 0)
        {
            return [];
        }

        var changed = new Dictionary<string, XDocument?>(StringComparer.Ordinal);
        var rels = PackageXml.Load(package, PackageRels);
        var types = PackageXml.Load(package, ContentTypes);
        var repairs = new List<string>();
        foreach (var name in unreadable)
        {
            changed[name] = null;
            rels?.Root?.Elements(Relationships + "Relationship")
                .Where(r => string.Equals(((string?)r.Attribute("Target"))?.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase))
                .Remove();
            types?.Root?.Elements(Types + "Override")
                .Where(o => string.Equals(((string?)o.Attribute("PartName"))?.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase))
                .Remove();
            repairs.Add($"{name}: the document properties part is not well-formed XML and was dropped (its metadata, such as title, author or dates, is lost; the content is untouched)");
        }

        if (rels is not null)
        {
            changed[PackageRels] = rels;
        }

        if (types is not null)
        {
            changed[ContentTypes] = types;
        }

        PackageXml.Replace(package, changed);
        return repairs;
    }
}
