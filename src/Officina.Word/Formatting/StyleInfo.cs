using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Formatting;

/// <summary>What operations need to know of a style: its id, display name, kind, base style and outline level.</summary>
public sealed record StyleInfo(string Id, string? Name, StyleValues? Type, string? BasedOn, int? OutlineLevel)
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Styles read before, by the SHA-256 of the part: a batch of reports reads one template's styles once.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<StyleInfo>> Seen = new(StringComparer.Ordinal);

    private const int MaxSeen = 32;

    /// <summary>From a loaded style element.</summary>
    public static StyleInfo Of(Style style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return new(style.StyleId?.Value ?? "", style.StyleName?.Val?.Value, style.Type?.Value ?? StyleValues.Paragraph, style.BasedOn?.Val?.Value,
            style.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
    }

    /// <summary>Every style of the part, read by streaming its XML without loading it.</summary>
    public static IReadOnlyList<StyleInfo> Read(StyleDefinitionsPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        using var xml = new MemoryStream();
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        {
            xml.Capacity = stream.CanSeek ? (int)Math.Min(stream.Length, int.MaxValue) : 0;
            stream.CopyTo(xml);
        }

        var key = Convert.ToHexString(SHA256.HashData(xml.GetBuffer().AsSpan(0, (int)xml.Length)));
        if (Seen.TryGetValue(key, out var known))
        {
            return known;
        }

        var styles = Parse(xml);
        if (Seen.Count >= MaxSeen)
        {
            Seen.Clear();
        }

        Seen[key] = styles;
        return styles;
    }

    private static List<StyleInfo> Parse(MemoryStream xml)
    {
        var styles = new List<StyleInfo>();
        xml.Position = 0;
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null });
        while (reader.ReadToFollowing("style", W))
        {
            if (reader.Depth != 1)
            {
                continue;
            }

            var id = reader.GetAttribute("styleId", W) ?? "";
            var type = Kind(reader.GetAttribute("type", W));
            string? name = null, basedOn = null;
            int? outline = null;
            using (var style = reader.ReadSubtree())
            {
                while (style.Read())
                {
                    if (style.NodeType != XmlNodeType.Element || style.NamespaceURI != W)
                    {
                        continue;
                    }

                    var value = style.GetAttribute("val", W);
                    switch (style.LocalName)
                    {
                        case "name" when style.Depth == 1:
                            name = value;
                            break;
                        case "basedOn" when style.Depth == 1:
                            basedOn = value;
                            break;
                        case "outlineLvl" when style.Depth == 2 && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level):
                            outline = level;
                            break;
                    }
                }
            }

            styles.Add(new(id, name, type, basedOn, outline));
        }

        return styles;
    }

    private static StyleValues? Kind(string? type) => type switch
    {
        null => StyleValues.Paragraph,
        "paragraph" => StyleValues.Paragraph,
        "character" => StyleValues.Character,
        "table" => StyleValues.Table,
        "numbering" => StyleValues.Numbering,
        _ => null,
    };
}
