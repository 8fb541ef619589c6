using System.Xml.Linq;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Mends a package that names two parts of a kind it may hold only once: two core-properties
/// parts (which the Open Packaging Conventions forbid), two thumbnails, two ribbon
/// customisations. The OpenXML SDK opens such a package but cannot save it ("Only one instance
/// of the type is allowed for this parent"), so every edit of it failed at the end. The first
/// relationship of each kind is kept, as a reader that takes the first would; the others are
/// dropped, and so is their part (with its content type) when nothing else uses it. Each of
/// these parts holds metadata or customisation, never content. Two different main parts
/// (workbook, document, presentation) are refused: which one is the file is unclear.
/// </summary>
public static class SingletonPartRepair
{
    private const string PackageRels = "_rels/.rels";
    private const string ContentTypes = "[Content_Types].xml";
    private const string MainType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>
    /// The package-level relationship types the SDK allows once (its SpreadsheetDocument,
    /// WordprocessingDocument and PresentationDocument part constraints list the same ones),
    /// with what their part holds, for the repair note.
    /// </summary>
    private static readonly Dictionary<string, string> Singletons = new(StringComparer.Ordinal)
    {
        ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"] = "core properties (title, author, dates)",
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"] = "extended properties (application, counts)",
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"] = "custom properties",
        ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"] = "thumbnail picture",
        ["http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin"] = "digital signature origin",
        ["http://schemas.microsoft.com/office/2006/relationships/ui/userCustomization"] = "Quick Access Toolbar customisation",
        ["http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"] = "ribbon customisation",
        ["http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"] = "ribbon and backstage customisation",
        ["http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"] = "add-in task panes",
        ["http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels"] = "sensitivity labels",
    };

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var rels = PackageXml.Load(package, PackageRels);
        var relationships = rels?.Root?.Elements(Relationships + "Relationship")
            .Where(r => !string.Equals((string?)r.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            .ToList() ?? [];
        var repeated = relationships
            .GroupBy(r => (string?)r.Attribute("Type") ?? "", StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && (Singletons.ContainsKey(g.Key) || g.Key == MainType))
            .ToList();
        if (repeated.Count == 0)
        {
            return [];
        }

        var repairs = new List<string>();
        var dropped = new List<string>();
        foreach (var group in repeated)
        {
            var targets = group.Select(r => PackageXml.TargetPart("", (string?)r.Attribute("Target") ?? "") ?? "").ToList();
            var kept = targets[0];
            if (group.Key == MainType && targets.Any(t => !t.Equals(kept, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DocumentRejectedException("two_main_parts",
                    $"The package names {targets.Count} main parts ({string.Join(", ", targets.Select(t => $"'{t}'"))}) where it may have one; which of them is the file is unclear, so it is refused.");
            }

            foreach (var (relationship, target) in group.Zip(targets).Skip(1))
            {
                relationship.Remove();
                if (!target.Equals(kept, StringComparison.OrdinalIgnoreCase))
                {
                    dropped.Add(target);
                }
            }

            var what = Singletons.GetValueOrDefault(group.Key, "main part");
            var others = targets.Skip(1).Where(t => !t.Equals(kept, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            repairs.Add(others.Count == 0
                ? $"{PackageRels}: the {what} part '{kept}' was named {targets.Count} times; the repeats were dropped"
                : $"{PackageRels}: the package has {targets.Count} {what} parts where one is allowed; the first, '{kept}', is kept and {string.Join(", ", others.Select(t => $"'{t}'"))} dropped (such parts hold no document content)");
        }

        var changed = new Dictionary<string, XDocument?>(StringComparer.Ordinal) { [PackageRels] = rels };
        RemoveUnusedParts(package, dropped, rels!, changed);
        PackageXml.Replace(package, changed);
        return repairs;
    }

    /// <summary>Deletes the dropped parts no remaining relationship targets, with their content-type overrides and relationship parts.</summary>
    private static void RemoveUnusedParts(MemoryStream package, List<string> dropped, XDocument rels, Dictionary<string, XDocument?> changed)
    {
        if (dropped.Count == 0)
        {
            return;
        }

        var stillUsed = PackageXml.Targets(package, except: PackageRels);
        foreach (var relationship in rels.Root!.Elements(Relationships + "Relationship"))
        {
            if (PackageXml.TargetPart("", (string?)relationship.Attribute("Target") ?? "") is { } target)
            {
                stillUsed.Add(target);
            }
        }

        var entries = PackageXml.EntryNames(package);
        var types = PackageXml.Load(package, ContentTypes);
        foreach (var part in dropped.Where(p => !stillUsed.Contains(p)))
        {
            var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : "";
            var ownRels = $"{folder}_rels/{part[folder.Length..]}.rels";
            foreach (var entry in entries.Where(e => PackageXml.PartKey(e).Equals(part, StringComparison.OrdinalIgnoreCase)
                || e.Equals(ownRels, StringComparison.OrdinalIgnoreCase)))
            {
                changed[entry] = null;
            }

            types?.Root?.Elements(Types + "Override")
                .Where(o => string.Equals(PackageXml.PartKey(((string?)o.Attribute("PartName"))?.TrimStart('/') ?? ""), part, StringComparison.OrdinalIgnoreCase))
                .Remove();
        }

        if (types is not null)
        {
            changed[ContentTypes] = types;
        }
    }
}
