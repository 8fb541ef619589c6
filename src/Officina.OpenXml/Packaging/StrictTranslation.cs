using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Reads a Strict Open XML package (ISO/IEC 29500 Strict, the "Strict Open XML" choice in
/// Office's Save As) as the Transitional package it is equivalent to, before the OpenXML SDK
/// opens it: every XML part's Strict namespaces become their Transitional ones, Strict
/// relationship types become Transitional ones, the <c>conformance="strict"</c> mark goes,
/// and the values Strict writes differently are rewritten (<see cref="StrictValues"/>,
/// <see cref="StrictCellDates"/>). The SDK 2.20 on its own opens Strict packages and renames
/// their namespaces and relationship types when it loads or clones parts, but keeps Strict
/// values: the three Strict test files saved by it carry "50%"-style percentages the
/// Transitional schema and the SDK's typed properties reject (48 schema errors in one theme)
/// and ISO-text date cells. Translating the package first gives the hosts, the baseline and
/// the saved file one consistent Transitional package. The repair note says so, since the
/// user's file changes format.
/// </summary>
public static class StrictTranslation
{
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace Spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Translates <paramref name="package"/> in place when it is Strict; returns the repair notes (empty when it was not Strict).</summary>
    public static IReadOnlyList<string> Translate(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var strict = StrictParts(package);
        if (strict.Count == 0)
        {
            return [];
        }

        // Every XML part is loaded: the date cells of a Strict workbook need its workbook part and relationships.
        var documents = PackageXml.LoadAll(package, PackageXml.IsXml).ToDictionary(d => d.Key, XDocument? (d) => d.Value, StringComparer.Ordinal);

        strict = [.. strict.Where(documents.ContainsKey)];
        var values = 0;
        foreach (var name in strict)
        {
            values += Rename(documents[name]!);
        }

        var dates = ConvertDates(documents);
        PackageXml.Replace(package, documents.Where(d => strict.Contains(d.Key) || dates.Parts.Contains(d.Key)).ToDictionary());

        var notes = new List<string>
        {
            $"The file is in Strict Open XML format; its {strict.Count} parts were read in the default (Transitional) form and it will be saved in the default format, which Office opens the same way.",
        };
        if (values > 0)
        {
            notes.Add($"Strict Open XML: {values} percentages and measures written as text (such as '50%' or '12pt') were converted to the numbers the default format uses.");
        }

        if (dates.Cells > 0)
        {
            notes.Add($"Strict Open XML: {dates.Cells} date cells stored as ISO 8601 text were converted to date serial numbers, keeping their date formats.");
        }

        return notes;
    }

    /// <summary>
    /// The parts that use a Strict name, found cheaply so that Transitional packages (nearly
    /// all) are not parsed again: an XML part's root element and the namespaces it declares,
    /// and every relationship type. Office declares all of a part's namespaces on its root.
    /// </summary>
    private static List<string> StrictParts(MemoryStream package)
    {
        var found = new List<string>();
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries.Where(e => PackageXml.IsXml(e.FullName)))
        {
            var relationships = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (relationships ? StrictNamespaces.IsStrict(reader.GetAttribute("Type")) : RootUsesStrict(reader))
                    {
                        found.Add(entry.FullName);
                        break;
                    }

                    if (!relationships)
                    {
                        break;
                    }
                }
            }
            catch (XmlException)
            {
                // Not well-formed: the guard refused it already, or it is a metadata part MetadataRepair drops.
            }
        }

        package.Position = 0;
        return found;
    }

    private static bool RootUsesStrict(XmlReader root)
    {
        if (StrictNamespaces.IsStrict(root.NamespaceURI))
        {
            return true;
        }

        while (root.MoveToNextAttribute())
        {
            if (StrictNamespaces.IsStrict(root.Value) || StrictNamespaces.IsStrict(root.NamespaceURI))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Renames one part's Strict elements, attributes, declarations and relationship types; returns how many values <see cref="StrictValues"/> rewrote.</summary>
    private static int Rename(XDocument document)
    {
        var values = 0;
        foreach (var element in document.Root!.DescendantsAndSelf().ToList())
        {
            if (StrictNamespaces.TransitionalNamespace(element.Name.NamespaceName) is { } ns)
            {
                element.Name = XName.Get(element.Name.LocalName, ns);
            }

            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    if (StrictNamespaces.TransitionalNamespace(attribute.Value) is { } declared)
                    {
                        attribute.Value = declared;
                    }
                }
                else if (StrictNamespaces.TransitionalNamespace(attribute.Name.NamespaceName) is { } attributeNs)
                {
                    attribute.Remove();
                    element.SetAttributeValue(XName.Get(attribute.Name.LocalName, attributeNs), attribute.Value);
                }
            }

            if (element.Name == Relationships + "Relationship" && element.Attribute("Type") is { } type
                && StrictNamespaces.TransitionalRelationship(type.Value) is { } transitional)
            {
                type.Value = transitional;
            }

            values += StrictValues.Convert(element);
        }

        // Strict documents mark their main part conformance="strict"; the saved file is not.
        if (document.Root.Attribute("conformance") is { } conformance)
        {
            conformance.Remove();
        }

        return values;
    }

    private static (int Cells, HashSet<string> Parts) ConvertDates(Dictionary<string, XDocument?> documents)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        var workbookName = documents.Keys.FirstOrDefault(k => documents[k]!.Root?.Name == Spreadsheet + "workbook");
        if (workbookName is null)
        {
            return (0, parts);
        }

        var workbook = documents[workbookName]!;
        var date1904 = (string?)workbook.Root!.Element(Spreadsheet + "workbookPr")?.Attribute("date1904") is "1" or "true";
        var folder = workbookName.Contains('/', StringComparison.Ordinal) ? workbookName[..(workbookName.LastIndexOf('/') + 1)] : "";
        var rels = documents.GetValueOrDefault($"{folder}_rels/{workbookName[folder.Length..]}.rels");
        var targets = rels?.Root?.Elements(Relationships + "Relationship")
            .Where(r => r.Attribute("Id") is not null && r.Attribute("Target") is not null)
            .GroupBy(r => (string)r.Attribute("Id")!)
            .ToDictionary(g => g.Key, g => PackageXml.Resolve(folder, (string)g.First().Attribute("Target")!)) ?? [];

        var cells = 0;
        foreach (var sheet in workbook.Root.Descendants(Spreadsheet + "sheet"))
        {
            var id = (string?)sheet.Attribute(OfficeRelationships + "id");
            if (id is null || !targets.TryGetValue(id, out var part) || documents.GetValueOrDefault(part) is not { } worksheet)
            {
                continue;
            }

            var converted = StrictCellDates.Convert(worksheet, (string?)sheet.Attribute("name") ?? part, date1904);
            if (converted > 0)
            {
                cells += converted;
                parts.Add(part);
            }
        }

        return (cells, parts);
    }
}
