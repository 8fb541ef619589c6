using System.Text;
using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Mends relationship targets System.IO.Packaging cannot parse as a URI, which make the
/// OpenXML SDK refuse the whole package ("provide a OpenSettings.RelationshipErrorRewriter")
/// although Office opens it: typically a hyperlink typed by hand (<c>http://exa mple.com</c>,
/// <c>mailto:a b@c</c>). A target becomes a URI by escaping the characters URIs do not allow;
/// one that still is none is replaced with <c>about:blank</c>, its text named in the repair
/// note. An internal target written as an absolute URI is marked external, which is what it is.
/// A relationship to a part the package does not contain is <see cref="PackageRepair"/>'s: it
/// drops one nothing uses and refuses one a part uses (dropping that would leave a reference
/// Office asks to repair).
/// </summary>
public static class RelationshipTargetRepair
{
    private const string Placeholder = "about:blank";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Repairs <paramref name="package"/> in place and returns what was done (empty when nothing was needed).</summary>
    public static IReadOnlyList<string> Mend(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var repairs = new List<string>();
        var changed = new Dictionary<string, XDocument?>(StringComparer.Ordinal);
        foreach (var (name, document) in PackageXml.LoadAll(package, n => n.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            if (document.Root is not { } root)
            {
                continue;
            }

            foreach (var relationship in root.Elements(Relationships + "Relationship"))
            {
                if (relationship.Attribute("Target") is not { } target)
                {
                    continue;
                }

                var id = (string?)relationship.Attribute("Id");
                if (!Uri.TryCreate(target.Value, UriKind.RelativeOrAbsolute, out var uri))
                {
                    var escaped = Escape(target.Value);
                    var mended = Uri.TryCreate(escaped, UriKind.RelativeOrAbsolute, out uri) ? escaped : Placeholder;
                    repairs.Add(mended == Placeholder
                        ? $"{name}: relationship {id} pointed at '{target.Value}', which is not a valid address; it now points at {Placeholder}"
                        : $"{name}: relationship {id} pointed at '{target.Value}', which is not a valid address; it now points at '{mended}'");
                    target.Value = mended;
                    uri = mended == Placeholder ? new Uri(Placeholder) : uri;
                    changed[name] = document;
                }

                // On Unix "/xl/workbook.xml" parses as an absolute file URI; in a package it is a part name.
                if (uri!.IsAbsoluteUri && !target.Value.StartsWith('/') && !string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
                {
                    relationship.SetAttributeValue("TargetMode", "External");
                    repairs.Add($"{name}: relationship {id} points outside the package ('{target.Value}') but was marked internal; it is now marked external");
                    changed[name] = document;
                }
            }
        }

        PackageXml.Replace(package, changed);
        return repairs;
    }

    /// <summary>Percent-encodes what RFC 3986 does not allow in a URI (spaces, quotes, angle brackets, non-ASCII...), keeping what it does.</summary>
    private static string Escape(string target)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(target.Trim()))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
