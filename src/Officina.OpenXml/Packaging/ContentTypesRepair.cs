using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Mends the package's content-type list ([Content_Types].xml) where the OpenXML SDK refuses
/// what Office reads: element names written with a namespace prefix (<c>&lt;ct:Types&gt;</c>,
/// which System.IO.Packaging reports as "Required Types tag not found"), and no Default for
/// the <c>rels</c> or <c>xml</c> extension, which hides every relationship or XML part that has
/// no Override (the SDK then says the main part is missing). Relationship parts written with
/// prefixes are normalised the same way. Nothing is dropped; every repair is reported.
/// </summary>
public static class ContentTypesRepair
{
    private const string ContentTypesPart = "[Content_Types].xml";
    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly (string Extension, string ContentType)[] NeededDefaults =
    [
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ];

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var repairs = new List<string>();
        var changed = new Dictionary<string, XDocument?>(StringComparer.Ordinal);
        var names = PackageXml.EntryNames(package);

        if (PackageXml.Load(package, ContentTypesPart) is { Root: { } root } types && root.Name == Types + "Types")
        {
            if (Unprefix(types, Types))
            {
                repairs.Add($"{ContentTypesPart}: rewrote the content types without namespace prefixes, which Office accepts and the OpenXML SDK does not");
                changed[ContentTypesPart] = types;
            }

            var overridden = root.Elements(Types + "Override").Select(o => ((string?)o.Attribute("PartName"))?.TrimStart('/'))
                .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var defaults = root.Elements(Types + "Default").Select(d => (string?)d.Attribute("Extension")).OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (extension, contentType) in NeededDefaults)
            {
                var uncovered = names.Count(n => n.EndsWith("." + extension, StringComparison.OrdinalIgnoreCase)
                    && n != ContentTypesPart && !overridden.Contains(n));
                if (uncovered > 0 && !defaults.Contains(extension))
                {
                    root.AddFirst(new XElement(Types + "Default", new XAttribute("Extension", extension), new XAttribute("ContentType", contentType)));
                    repairs.Add($"{ContentTypesPart}: added the missing content type for .{extension} parts ({contentType}); {uncovered} parts had none");
                    changed[ContentTypesPart] = types;
                }
            }
        }

        foreach (var (name, document) in PackageXml.LoadAll(package, n => n.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            if (document.Root is { } rels && rels.Name == Relationships + "Relationships" && Unprefix(document, Relationships))
            {
                repairs.Add($"{name}: rewrote the relationships without namespace prefixes");
                changed[name] = document;
            }
        }

        PackageXml.Replace(package, changed);
        return repairs;
    }

    /// <summary>Makes <paramref name="ns"/> the default namespace of <paramref name="document"/> and drops its prefixes; false when it had none.</summary>
    private static bool Unprefix(XDocument document, XNamespace ns)
    {
        var root = document.Root!;
        var prefixed = root.DescendantsAndSelf().SelectMany(e => e.Attributes())
            .Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns && a.Value == ns.NamespaceName).ToList();
        if (prefixed.Count == 0)
        {
            return false;
        }

        prefixed.ForEach(a => a.Remove());
        root.SetAttributeValue("xmlns", ns.NamespaceName);
        return true;
    }
}
