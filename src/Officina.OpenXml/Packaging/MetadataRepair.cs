using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Drops a document-properties part (docProps/core.xml, app.xml, custom.xml: title, author,
/// dates, word counts, custom fields) that is not well-formed XML, with its relationship and
/// content type, and corrects the content type of one that is typed wrongly. Office and
/// LibreOffice open such a file and ignore the part or its label; the OpenXML SDK refuses the
/// whole document for it. Only metadata goes, never content, and the repair note says which
/// part. <see cref="PartScan"/> lets these parts through for this reason.
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

    /// <summary>The content type each document-properties relationship needs its part to have; the SDK refuses any other.</summary>
    private static readonly Dictionary<string, string> PropertiesContentTypes = new(StringComparer.Ordinal)
    {
        ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"] = "application/vnd.openxmlformats-package.core-properties+xml",
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"] = "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"] = "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    };

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var metadata = PackageXml.XmlPartNames(package).Where(IsMetadataPart).ToList();
        var readable = PackageXml.LoadAll(package, metadata.Contains);
        var unreadable = metadata.Where(n => !readable.ContainsKey(n)).ToList();
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

        if (unreadable.Count > 0 && rels is not null)
        {
            changed[PackageRels] = rels;
        }

        List<string> retyped = rels is null || types?.Root is null ? [] : Retype(rels, types, readable.Keys);
        repairs.AddRange(retyped);
        if (types is not null && (unreadable.Count > 0 || retyped.Count > 0))
        {
            changed[ContentTypes] = types;
        }

        PackageXml.Replace(package, changed);
        return repairs;
    }

    /// <summary>
    /// Gives each readable properties part the content type its relationship needs, where the
    /// content-type list says another (a typo, or an Override nobody wrote so that the default for
    /// .xml applies). Office and LibreOffice read the part regardless; the SDK refuses the file.
    /// </summary>
    private static List<string> Retype(XDocument rels, XDocument types, IEnumerable<string> readable)
    {
        var repairs = new List<string>();
        var parts = readable.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var relationship in rels.Root?.Elements(Relationships + "Relationship") ?? [])
        {
            if (!PropertiesContentTypes.TryGetValue((string?)relationship.Attribute("Type") ?? "", out var expected)
                || PackageXml.TargetPart("", (string?)relationship.Attribute("Target") ?? "") is not { } part || !parts.Contains(part))
            {
                continue;
            }

            var root = types.Root!;
            var existing = root.Elements(Types + "Override")
                .FirstOrDefault(o => string.Equals(PackageXml.PartKey(((string?)o.Attribute("PartName"))?.TrimStart('/') ?? ""), part, StringComparison.OrdinalIgnoreCase));
            var extension = Path.GetExtension(part).TrimStart('.');
            var actual = existing is not null
                ? (string?)existing.Attribute("ContentType")
                : (string?)root.Elements(Types + "Default").FirstOrDefault(d => string.Equals((string?)d.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))?.Attribute("ContentType");
            if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (existing is null)
            {
                root.Add(new XElement(Types + "Override", new XAttribute("PartName", "/" + part), new XAttribute("ContentType", expected)));
            }
            else
            {
                existing.SetAttributeValue("ContentType", expected);
            }

            repairs.Add($"{part}: the document properties part was typed '{actual ?? "(nothing)"}' in {ContentTypes}; it is now typed '{expected}', as its relationship requires (the part itself is unchanged)");
        }

        return repairs;
    }
}
