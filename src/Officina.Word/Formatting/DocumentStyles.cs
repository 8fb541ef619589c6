using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Formatting;

/// <summary>
/// The document's styles: lookup by style id or display name (case-insensitive), and the
/// built-in styles operations need (Heading 1–6, Title, Subtitle, List Paragraph, Quote,
/// Table Grid, TOC Heading) added with Word's ids and names when the document lacks them.
/// </summary>
public sealed class DocumentStyles(MainDocumentPart main)
{
    private IReadOnlyList<StyleInfo>? _streamed;

    private static readonly Dictionary<string, Func<Style>> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Normal"] = Normal,
        ["Title"] = () => Paragraph("Title", "Title", "Normal", size: 56, spacingAfter: 120, color: "17365D"),
        ["Subtitle"] = () => Paragraph("Subtitle", "Subtitle", "Normal", size: 30, italic: true, color: "595959"),
        ["ListParagraph"] = () => ListParagraph(),
        ["Quote"] = () => Paragraph("Quote", "Quote", "Normal", italic: true, color: "404040"),
        ["TOCHeading"] = () => Heading(1, "TOCHeading", "TOC Heading", outline: false),
        ["TableGrid"] = TableGrid,
        ["Heading1"] = () => Heading(1),
        ["Heading2"] = () => Heading(2),
        ["Heading3"] = () => Heading(3),
        ["Heading4"] = () => Heading(4),
        ["Heading5"] = () => Heading(5),
        ["Heading6"] = () => Heading(6),
    };

    /// <summary>The styles part's XML, loaded on first use; lookups do not need it (see <see cref="All"/>).</summary>
    public Styles? Root => main.StyleDefinitionsPart?.Styles;

    /// <summary>
    /// Every style, in document order. Until something loads the styles part (adding a style
    /// does), they are read by streaming the part, so a document whose styles are only looked
    /// up saves its styles part untouched and verification need not validate it: python-docx
    /// and Word templates carry hundreds of KB of styles.
    /// </summary>
    public IReadOnlyList<StyleInfo> All
    {
        get
        {
            var part = main.StyleDefinitionsPart;
            if (part is null)
            {
                return [];
            }

            if (part.IsRootElementLoaded)
            {
                return [.. (part.Styles?.Elements<Style>() ?? []).Select(StyleInfo.Of)];
            }

            return _streamed ??= StyleInfo.Read(part);
        }
    }

    /// <summary>The style with id or display name <paramref name="nameOrId"/>, or null.</summary>
    public StyleInfo? Find(string? nameOrId)
    {
        if (string.IsNullOrWhiteSpace(nameOrId))
        {
            return null;
        }

        var key = nameOrId.Trim();
        var styles = All;
        return styles.FirstOrDefault(s => string.Equals(s.Id, key, StringComparison.OrdinalIgnoreCase))
            ?? styles.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the style exists or is a built-in one that can be added.</summary>
    public bool IsAvailable(string? nameOrId) => Find(nameOrId) is not null || BuiltInId(nameOrId) is not null;

    /// <summary>The id of the style, adding the built-in definition when the document has none. Null when unknown.</summary>
    public string? Ensure(string? nameOrId)
    {
        if (Find(nameOrId) is { } found)
        {
            return found.Id;
        }

        if (BuiltInId(nameOrId) is not { } id)
        {
            return null;
        }

        var addNormal = id != "Normal" && Find("Normal") is null;
        var styles = Root ?? CreateStylesPart();
        _streamed = null;
        if (addNormal)
        {
            styles.AppendChild(Normal());
        }

        styles.AppendChild(BuiltIn[id]());
        return id;
    }

    /// <summary>The heading level (1–9) a paragraph style gives, through its own or its base style's outline level; null for body text.</summary>
    public int? OutlineLevel(string? styleId)
    {
        for (var depth = 0; depth < 10 && styleId is not null; depth++)
        {
            var style = Find(styleId);
            if (style?.OutlineLevel is { } level && level < 9)
            {
                return level + 1;
            }

            if (style is null && styleId.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(styleId.AsSpan(7), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
            {
                return n;
            }

            styleId = style?.BasedOn;
        }

        return null;
    }

    /// <summary>The display name of a style id, or the id itself.</summary>
    public string NameOf(string styleId) => Find(styleId)?.Name ?? styleId;

    public static Styles CreateDefault() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "en-US" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "259", LineRule = LineSpacingRuleValues.Auto }))),
        Normal(), BuiltIn["Title"](), Heading(1), Heading(2), Heading(3), ListParagraph(), TableGrid());

    private static string? BuiltInId(string? nameOrId)
    {
        if (string.IsNullOrWhiteSpace(nameOrId))
        {
            return null;
        }

        var compact = nameOrId.Replace(" ", "", StringComparison.Ordinal).Trim();
        return BuiltIn.Keys.FirstOrDefault(k => string.Equals(k, compact, StringComparison.OrdinalIgnoreCase));
    }

    private Styles CreateStylesPart()
    {
        var part = main.StyleDefinitionsPart ?? main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles();
        return part.Styles;
    }

    private static Style Normal() => new(new StyleName { Val = "Normal" }, new PrimaryStyle())
    {
        Type = StyleValues.Paragraph,
        StyleId = "Normal",
        Default = true,
    };

    private static Style Heading(int level) => Heading(level, $"Heading{level}", $"heading {level}", outline: true);

    private static Style Heading(int level, string id, string name, bool outline)
    {
        var sizes = new[] { 32, 26, 24, 22, 22, 22 };
        var paragraph = new StyleParagraphProperties(new KeepNext(), new KeepLines(),
            new SpacingBetweenLines { Before = level == 1 ? "240" : "40", After = "0" });
        if (outline)
        {
            paragraph.AppendChild(new OutlineLevel { Val = level - 1 });
        }

        var run = new StyleRunProperties(
            new RunFonts { Ascii = "Calibri Light", HighAnsi = "Calibri Light", ComplexScript = "Calibri Light" },
            new Color { Val = level <= 2 ? "2F5496" : "1F3763" },
            new FontSize { Val = sizes[Math.Clamp(level, 1, 6) - 1].ToString(CultureInfo.InvariantCulture) });
        if (level >= 4)
        {
            run.Italic = new Italic();
        }

        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 9 }, new PrimaryStyle(), paragraph, run)
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static Style Paragraph(string id, string name, string basedOn, int? size = null, int? spacingAfter = null, bool italic = false, string? color = null)
    {
        var run = new StyleRunProperties();
        if (italic)
        {
            run.Italic = new Italic();
        }

        if (color is not null)
        {
            run.Color = new Color { Val = color };
        }

        if (size is { } s)
        {
            run.FontSize = new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) };
        }

        var style = new Style(new StyleName { Val = name }, new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle())
        { Type = StyleValues.Paragraph, StyleId = id };
        if (spacingAfter is { } after)
        {
            style.AppendChild(new StyleParagraphProperties(new SpacingBetweenLines { After = after.ToString(CultureInfo.InvariantCulture) }));
        }

        style.AppendChild(run);
        return style;
    }

    private static Style ListParagraph() => new(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new UIPriority { Val = 34 },
        new PrimaryStyle(), new StyleParagraphProperties(new Indentation { Left = "720" }, new ContextualSpacing()))
    { Type = StyleValues.Paragraph, StyleId = "ListParagraph" };

    private static Style TableGrid() => new(new StyleName { Val = "Table Grid" }, new UIPriority { Val = 39 },
        new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
        new StyleTableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
            new LeftBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
            new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
            new RightBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" })))
    { Type = StyleValues.Table, StyleId = "TableGrid" };
}
