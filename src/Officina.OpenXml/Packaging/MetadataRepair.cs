using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Mends the core properties part (docProps/core.xml: title, author, dates) when
/// System.IO.Packaging, which parses it strictly when the package is opened or copied,
/// refuses it and with it the whole document: an element it does not know, a repeated one, a
/// date without its <c>xsi:type</c> or not in W3C form. The part is rebuilt from the
/// properties that can be read, in the form Office writes; the rest is named in the repair note.
/// </summary>
public static class MetadataRepair
{
    private static readonly XNamespace Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Dcterms = "http://purl.org/dc/terms/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const string CoreType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly Dictionary<XName, bool> Known = new()
    {
        [Dc + "title"] = false, [Dc + "subject"] = false, [Dc + "creator"] = false, [Cp + "keywords"] = false, [Dc + "description"] = false,
        [Cp + "lastModifiedBy"] = false, [Cp + "revision"] = false, [Cp + "lastPrinted"] = false, [Dcterms + "created"] = true,
        [Dcterms + "modified"] = true, [Cp + "category"] = false, [Dc + "identifier"] = false, [Cp + "contentStatus"] = false,
        [Dc + "language"] = false, [Cp + "version"] = false,
    };

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (CoreIsReadable(package) || CorePart(package) is not { } name)
        {
            return [];
        }

        var repairs = new List<string>();
        var rebuilt = new XElement(Cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", Cp.NamespaceName), new XAttribute(XNamespace.Xmlns + "dc", Dc.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "dcterms", Dcterms.NamespaceName), new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName));
        var dropped = new List<string>();
        var original = PackageXml.Load(package, name)?.Root;
        foreach (var property in original?.Elements() ?? [])
        {
            if (!Known.TryGetValue(property.Name, out var isDate) || rebuilt.Element(property.Name) is not null || property.HasElements)
            {
                dropped.Add(property.Name.LocalName);
                continue;
            }

            if (!isDate && property.Name != Cp + "lastPrinted")
            {
                rebuilt.Add(new XElement(property.Name, property.Value));
            }
            else if (DateTime.TryParse(property.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            {
                var text = date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                rebuilt.Add(isDate ? new XElement(property.Name, new XAttribute(Xsi + "type", "dcterms:W3CDTF"), text) : new XElement(property.Name, text));
            }
            else
            {
                dropped.Add(property.Name.LocalName);
            }
        }

        PackageXml.Replace(package, new Dictionary<string, XDocument?> { [name] = new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), rebuilt) });
        repairs.Add(original is null
            ? $"{name}: the document properties part could not be read and was replaced with an empty one"
            : dropped.Count == 0
                ? $"{name}: the document properties were rewritten in the form Office uses"
                : $"{name}: the document properties were rewritten in the form Office uses; unreadable entries dropped: {string.Join(", ", dropped)}");
        return repairs;
    }

    private static bool CoreIsReadable(MemoryStream package)
    {
        package.Position = 0;
        Package opened;
        try
        {
            opened = Package.Open(package, FileMode.Open, FileAccess.Read);
        }
        catch (Exception ex) when (ex is XmlException or IOException or InvalidOperationException or ArgumentException or UriFormatException or InvalidDataException)
        {
            // Not a core-properties problem: the SDK reports it when it opens the package.
            package.Position = 0;
            return true;
        }

        try
        {
            _ = opened.PackageProperties.Title;
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
        finally
        {
            opened.Close();
            package.Position = 0;
        }
    }

    /// <summary>The zip entry name of the core properties part, from the package relationships.</summary>
    private static string? CorePart(MemoryStream package) =>
        PackageXml.Load(package, "_rels/.rels")?.Root?.Elements(Relationships + "Relationship")
            .Where(r => (string?)r.Attribute("Type") == CoreType)
            .Select(r => ((string?)r.Attribute("Target"))?.TrimStart('/'))
            .FirstOrDefault(t => t is not null);
}
