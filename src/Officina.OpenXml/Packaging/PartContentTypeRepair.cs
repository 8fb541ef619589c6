using System.Xml.Linq;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Gives a part that the content-type list types only as plain <c>application/xml</c> (no
/// Override, so the default for .xml applies) the content type its relationship says it has:
/// a styles part of a workbook, a slide, a Word header. Office and LibreOffice go by the
/// relationship and open such a file; the OpenXML SDK refuses it ("an invalid part with an
/// unexpected content type"). Only that generic label is replaced, only for the kinds of part
/// listed here, whose content type is fixed; the part itself is unchanged, and each change is reported.
/// </summary>
public static class PartContentTypeRepair
{
    private const string ContentTypes = "[Content_Types].xml";
    private const string Generic = "application/xml";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string Sml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    private const string Wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    private const string Pml = "application/vnd.openxmlformats-officedocument.presentationml.";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>What each host's parts of a fixed content type are, by relationship type (the same type names a different part in each host, e.g. styles).</summary>
    private static readonly Dictionary<DocumentHost, Dictionary<string, string>> Fixed = new()
    {
        [DocumentHost.Excel] = new(StringComparer.Ordinal)
        {
            [Rel + "worksheet"] = Sml + "worksheet+xml",
            [Rel + "chartsheet"] = Sml + "chartsheet+xml",
            [Rel + "styles"] = Sml + "styles+xml",
            [Rel + "sharedStrings"] = Sml + "sharedStrings+xml",
            [Rel + "calcChain"] = Sml + "calcChain+xml",
            [Rel + "table"] = Sml + "table+xml",
            [Rel + "comments"] = Sml + "comments+xml",
            [Rel + "pivotTable"] = Sml + "pivotTable+xml",
            [Rel + "pivotCacheDefinition"] = Sml + "pivotCacheDefinition+xml",
            [Rel + "pivotCacheRecords"] = Sml + "pivotCacheRecords+xml",
            [Rel + "drawing"] = "application/vnd.openxmlformats-officedocument.drawing+xml",
            [Rel + "chart"] = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
            [Rel + "theme"] = "application/vnd.openxmlformats-officedocument.theme+xml",
        },
        [DocumentHost.Word] = new(StringComparer.Ordinal)
        {
            [Rel + "styles"] = Wml + "styles+xml",
            [Rel + "settings"] = Wml + "settings+xml",
            [Rel + "webSettings"] = Wml + "webSettings+xml",
            [Rel + "fontTable"] = Wml + "fontTable+xml",
            [Rel + "numbering"] = Wml + "numbering+xml",
            [Rel + "footnotes"] = Wml + "footnotes+xml",
            [Rel + "endnotes"] = Wml + "endnotes+xml",
            [Rel + "comments"] = Wml + "comments+xml",
            [Rel + "header"] = Wml + "header+xml",
            [Rel + "footer"] = Wml + "footer+xml",
            [Rel + "chart"] = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
            [Rel + "theme"] = "application/vnd.openxmlformats-officedocument.theme+xml",
        },
        [DocumentHost.PowerPoint] = new(StringComparer.Ordinal)
        {
            [Rel + "slide"] = Pml + "slide+xml",
            [Rel + "slideLayout"] = Pml + "slideLayout+xml",
            [Rel + "slideMaster"] = Pml + "slideMaster+xml",
            [Rel + "notesSlide"] = Pml + "notesSlide+xml",
            [Rel + "notesMaster"] = Pml + "notesMaster+xml",
            [Rel + "handoutMaster"] = Pml + "handoutMaster+xml",
            [Rel + "presProps"] = Pml + "presProps+xml",
            [Rel + "viewProps"] = Pml + "viewProps+xml",
            [Rel + "tableStyles"] = Pml + "tableStyles+xml",
            [Rel + "comments"] = Pml + "comments+xml",
            [Rel + "chart"] = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
            [Rel + "theme"] = "application/vnd.openxmlformats-officedocument.theme+xml",
        },
    };

    /// <summary>Repairs <paramref name="package"/> (a package of <paramref name="host"/>) in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package, DocumentHost host)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!Fixed.TryGetValue(host, out var fixedTypes) || PackageXml.Load(package, ContentTypes) is not { Root: { } root } types)
        {
            return [];
        }

        var overrides = root.Elements(Types + "Override")
            .Select(o => (Part: PackageXml.PartKey(((string?)o.Attribute("PartName"))?.TrimStart('/') ?? ""), Element: o))
            .GroupBy(o => o.Part, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Element, StringComparer.OrdinalIgnoreCase);
        var xmlDefault = (string?)root.Elements(Types + "Default")
            .FirstOrDefault(d => string.Equals((string?)d.Attribute("Extension"), "xml", StringComparison.OrdinalIgnoreCase))?.Attribute("ContentType");
        var entries = PackageXml.EntryNames(package).Select(PackageXml.PartKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var repairs = new List<string>();
        foreach (var (rels, document) in PackageXml.LoadAll(package, PackageXml.IsRelationships))
        {
            var source = PackageXml.SourcePart(rels);
            foreach (var relationship in document.Root?.Elements(Relationships + "Relationship") ?? [])
            {
                if (string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
                    || !fixedTypes.TryGetValue((string?)relationship.Attribute("Type") ?? "", out var expected)
                    || PackageXml.TargetPart(source, (string?)relationship.Attribute("Target") ?? "") is not { } part
                    || !entries.Contains(part) || !part.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var existing = overrides.GetValueOrDefault(part);
                var actual = existing is null ? xmlDefault : (string?)existing.Attribute("ContentType");
                if (!string.Equals(actual, Generic, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (existing is null)
                {
                    existing = new XElement(Types + "Override", new XAttribute("PartName", "/" + part), new XAttribute("ContentType", expected));
                    root.Add(existing);
                    overrides[part] = existing;
                }
                else
                {
                    existing.SetAttributeValue("ContentType", expected);
                }

                repairs.Add($"{part}: typed only as '{Generic}' in {ContentTypes}; it is now typed '{expected}', as its relationship requires (the part itself is unchanged)");
            }
        }

        if (repairs.Count > 0)
        {
            PackageXml.Replace(package, new Dictionary<string, XDocument?> { [ContentTypes] = types });
        }

        return repairs;
    }
}
