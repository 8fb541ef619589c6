namespace Officina.OpenXml.Packaging;

/// <summary>
/// The Strict Open XML names (ISO/IEC 29500 Strict, <c>http://purl.oclc.org/ooxml/...</c>) and
/// their Transitional equivalents, for XML namespaces and relationship types. The pairs are
/// those of ISO/IEC 29500-4 and the OpenXML SDK's own table.
/// </summary>
internal static class StrictNamespaces
{
    public const string Prefix = "http://purl.oclc.org/ooxml/";

    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
    private const string TransitionalRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private static readonly Dictionary<string, string> Namespaces = new(StringComparer.Ordinal)
    {
        ["http://purl.oclc.org/ooxml/descriptions/base"] = "http://descriptions.openxmlformats.org/description/base",
        ["http://purl.oclc.org/ooxml/descriptions/full"] = "http://descriptions.openxmlformats.org/description/full",
        ["http://purl.oclc.org/ooxml/drawingml/chart"] = "http://schemas.openxmlformats.org/drawingml/2006/chart",
        ["http://purl.oclc.org/ooxml/drawingml/chartDrawing"] = "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
        ["http://purl.oclc.org/ooxml/drawingml/diagram"] = "http://schemas.openxmlformats.org/drawingml/2006/diagram",
        ["http://purl.oclc.org/ooxml/drawingml/main"] = "http://schemas.openxmlformats.org/drawingml/2006/main",
        ["http://purl.oclc.org/ooxml/drawingml/picture"] = "http://schemas.openxmlformats.org/drawingml/2006/picture",
        ["http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"] = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
        ["http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"] = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        ["http://purl.oclc.org/ooxml/drawingml/lockedCanvas"] = "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
        ["http://purl.oclc.org/ooxml/drawingml/compatibility"] = "http://schemas.openxmlformats.org/drawingml/2006/compatibility",
        ["http://purl.oclc.org/ooxml/officeDocument/bibliography"] = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography",
        ["http://purl.oclc.org/ooxml/officeDocument/customProperties"] = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
        ["http://purl.oclc.org/ooxml/officeDocument/customXml"] = "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
        ["http://purl.oclc.org/ooxml/officeDocument/customXmlDataProps"] = "http://schemas.openxmlformats.org/officeDocument/2006/customXmlDataProps",
        ["http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"] = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
        ["http://purl.oclc.org/ooxml/officeDocument/extendedProperties"] = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        ["http://purl.oclc.org/ooxml/officeDocument/math"] = "http://schemas.openxmlformats.org/officeDocument/2006/math",
        ["http://purl.oclc.org/ooxml/officeDocument/relationships"] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        ["http://purl.oclc.org/ooxml/officeDocument/sharedTypes"] = "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
        ["http://purl.oclc.org/ooxml/presentationml/main"] = "http://schemas.openxmlformats.org/presentationml/2006/main",
        ["http://purl.oclc.org/ooxml/schemaLibrary/main"] = "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
        ["http://purl.oclc.org/ooxml/spreadsheetml/main"] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        ["http://purl.oclc.org/ooxml/wordprocessingml/main"] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main",

        // A known error in the ISO schemas: custom XML properties use the relationship URI as their namespace.
        ["http://purl.oclc.org/ooxml/officeDocument/relationships/customXml"] = "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
    };

    /// <summary>Relationship types whose Transitional name is not simply the Strict one under the Transitional base.</summary>
    private static readonly Dictionary<string, string> IrregularRelationships = new(StringComparer.Ordinal)
    {
        [StrictRelationships + "customProperties"] = TransitionalRelationships + "custom-properties",
        [StrictRelationships + "extendedProperties"] = TransitionalRelationships + "extended-properties",
        [StrictRelationships + "metadata/thumbnail"] = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    };

    public static bool IsStrict(string? uri) => uri?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The Transitional namespace for a Strict one; null for a namespace that is not Strict or that has no equivalent.</summary>
    public static string? TransitionalNamespace(string uri) => Namespaces.GetValueOrDefault(uri);

    /// <summary>The Transitional relationship type for a Strict one; null when <paramref name="type"/> is not a Strict relationship type.</summary>
    public static string? TransitionalRelationship(string type)
    {
        if (IrregularRelationships.TryGetValue(type, out var irregular))
        {
            return irregular;
        }

        return type.StartsWith(StrictRelationships, StringComparison.Ordinal)
            ? string.Concat(TransitionalRelationships, type.AsSpan(StrictRelationships.Length))
            : null;
    }
}
