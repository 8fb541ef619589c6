using System.Xml;
using System.Xml.Linq;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Takes out of a package what would make a program opening it reach outside the file: every
/// relationship with <c>TargetMode="External"</c> but hyperlinks — linked pictures, OLE
/// objects, attached templates, frames, external workbooks, media — gets a target that
/// points nowhere (<c>about:blank</c>). Used on the copy handed to LibreOffice for rendering
/// and recalculation (the user's file keeps its links): LibreOffice loads a linked picture's
/// URL or file when it opens a document, and would draw a server file into the render.
/// </summary>
public static class ExternalTargets
{
    public const string Nowhere = "about:blank";

    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>
    /// A copy of <paramref name="package"/> without external targets, and how many were taken
    /// out; the bytes themselves when there were none or they are not a zip at all. A zip whose
    /// relationships cannot be read is refused rather than passed on unchecked.
    /// </summary>
    public static (byte[] Package, int Neutralized) Neutralize(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (package.Length < 2 || package[0] != 'P' || package[1] != 'K')
        {
            return (package, 0);
        }

        try
        {
            return NeutralizeZip(package);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            throw new DocumentRejectedException("damaged_package",
                $"The package's relationships cannot be read ({ex.Message}), so it cannot be checked for links to files or URLs outside it and is not opened.", ex);
        }
    }

    /// <summary>Reads only the .rels parts; the package is rewritten only when a target had to change.</summary>
    private static (byte[] Package, int Neutralized) NeutralizeZip(byte[] package)
    {
        using var working = new MemoryStream();
        working.Write(package);
        static bool IsRels(string name) => name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
        var names = PackageXml.EntryNames(working).Where(IsRels).ToList();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            throw new DocumentRejectedException("duplicate_part", "The package holds a relationships part twice, so which links it has is ambiguous; it is not opened.");
        }

        var documents = PackageXml.LoadAll(working, IsRels);
        if (documents.Count != names.Count)
        {
            throw new XmlException($"'{names.First(n => !documents.ContainsKey(n))}' is not well-formed XML");
        }

        var count = 0;
        var changed = new Dictionary<string, XDocument?>(StringComparer.Ordinal);
        foreach (var (name, document) in documents)
        {
            foreach (var relationship in document.Root?.Elements(Relationships + "Relationship") ?? [])
            {
                if (string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
                    && !((string?)relationship.Attribute("Type") ?? "").EndsWith("/hyperlink", StringComparison.Ordinal)
                    && (string?)relationship.Attribute("Target") != Nowhere)
                {
                    relationship.SetAttributeValue("Target", Nowhere);
                    changed[name] = document;
                    count++;
                }
            }
        }

        if (count == 0)
        {
            return (package, 0);
        }

        PackageXml.Replace(working, changed);
        return (working.ToArray(), count);
    }
}
