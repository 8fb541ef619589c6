using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Mends a package holding a part whose name continues another part's name, such as
/// <c>xl/media/image1.png</c> and <c>xl/media/image1.png/extra.xml</c>. The Open Packaging
/// Conventions forbid that (a part name is never a folder of another), and System.IO.Packaging
/// refuses the whole package for it ("Part names cannot be derived from another part name by
/// appending segments to it"). Of each such pair, the part that no relationship uses is
/// dropped: nothing reads it, and the SDK would not save it anyway. When both are used the
/// package is refused, naming them.
/// </summary>
public static class DerivedNameRepair
{
    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var entries = PackageXml.EntryNames(package).Where(e => !e.EndsWith('/')).ToList();
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            byName.TryAdd(entry, entry);
        }

        var pairs = new List<(string Part, string Derived)>();
        foreach (var entry in entries)
        {
            for (var slash = entry.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = entry.IndexOf('/', slash + 1))
            {
                if (byName.TryGetValue(entry[..slash], out var part))
                {
                    pairs.Add((part, entry));
                }
            }
        }

        if (pairs.Count == 0)
        {
            return [];
        }

        var used = PackageXml.Targets(package);
        var repairs = new List<string>();
        var removed = new Dictionary<string, System.Xml.Linq.XDocument?>(StringComparer.Ordinal);
        foreach (var (part, derived) in pairs)
        {
            if (removed.ContainsKey(part) || removed.ContainsKey(derived))
            {
                continue;
            }

            var drop = !Used(derived) ? derived
                : !Used(part) ? part
                : throw new DocumentRejectedException("derived_part_name",
                    $"The package holds the part '{part}' and the part '{derived}', whose name continues it as if it were a folder; packages may not do that, and both are in use, so the file is damaged.");
            removed[drop] = null;
            repairs.Add($"'{drop}': dropped; its name {(drop == derived ? $"continues the name of the part '{part}'" : $"is a folder of the part '{derived}'")}, which packages do not allow, and no relationship uses it");
        }

        PackageXml.Replace(package, removed);
        return repairs;

        // The content-type list is always used; a relationship part is used when its part is.
        bool Used(string name) =>
            name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
            || (PackageXml.IsRelationships(name)
                ? PackageXml.SourcePart(name) is var source && (source.Length == 0 || (byName.ContainsKey(source) && Used(source)))
                : used.Contains(PackageXml.PartKey(name)));
    }
}
