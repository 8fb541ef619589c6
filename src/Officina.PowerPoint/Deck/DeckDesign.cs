namespace Officina.PowerPoint.Deck;

/// <summary>How a design dresses its slides; each look places its own bars, rules and backgrounds.</summary>
public enum DeckLook
{
    /// <summary>White slides, a short accent bar over the title, a hairline over the footer; navy section and closing slides.</summary>
    Corporate,

    /// <summary>Dark slate slides with light text (the colour map swaps dark and light), an accent rule beside the title.</summary>
    Dark,

    /// <summary>White slides for two-line action titles over a full-width rule, a source line on chart slides, navy cover.</summary>
    Consulting,
}

/// <summary>
/// The twelve colours of a theme's colour scheme (<c>a:clrScheme</c>) as RGB hex: dark 1/light 1
/// (text and background), dark 2/light 2, six accents (charts and tables take them in order) and
/// the two hyperlink colours.
/// </summary>
public sealed record DeckPalette(
    string Dark1, string Light1, string Dark2, string Light2,
    string Accent1, string Accent2, string Accent3, string Accent4, string Accent5, string Accent6,
    string Hyperlink, string FollowedHyperlink)
{
    /// <summary>The colours in <c>a:clrScheme</c> order, with their element names.</summary>
    public IReadOnlyList<(string Element, string Rgb)> Entries =>
    [
        ("dk1", Dark1), ("lt1", Light1), ("dk2", Dark2), ("lt2", Light2),
        ("accent1", Accent1), ("accent2", Accent2), ("accent3", Accent3), ("accent4", Accent4), ("accent5", Accent5), ("accent6", Accent6),
        ("hlink", Hyperlink), ("folHlink", FollowedHyperlink),
    ];

    public IReadOnlyList<string> Accents => [Accent1, Accent2, Accent3, Accent4, Accent5, Accent6];
}

/// <summary>
/// A deck design: the theme (colour and font schemes) and the look of the master and layouts
/// that <see cref="DeckTemplate"/> builds. The built-in designs are what ships under
/// <c>templates/decks/</c>; the first is the design of every new deck.
/// </summary>
public sealed record DeckDesign(string Name, string Description, DeckLook Look, DeckPalette Colors, string HeadingFont, string BodyFont, bool Dark = false)
{
    /// <summary>
    /// Clean corporate: white, navy titles, a blue accent bar; Calibri throughout (LibreOffice
    /// draws it with the metric-compatible Carlito). Accents: blue, orange, teal, purple, slate, red —
    /// distinct in hue and lightness so neighbouring series stay apart, also in greyscale print.
    /// </summary>
    public static DeckDesign Corporate { get; } = new("corporate", "Clean corporate: white slides, navy titles with a blue accent bar, navy section slides; Calibri.",
        DeckLook.Corporate,
        new("1E2A38", "FFFFFF", "1B365D", "EEF2F7", "1F6FB2", "E8833A", "2A9D8F", "6D5BA8", "8797AB", "C8453D", "1F6FB2", "6D5BA8"),
        "Calibri", "Calibri");

    /// <summary>
    /// Dark: slate-navy slides with off-white text; bright accents (sky, amber, emerald, violet,
    /// rose, slate) that all keep more than 4.5:1 contrast against the background. Arial.
    /// </summary>
    public static DeckDesign DarkSlate { get; } = new("dark", "Dark: slate-navy slides, off-white text, bright sky-blue accent rule; Arial.",
        DeckLook.Dark,
        new("0F1724", "F5F7FA", "1C2A3D", "AAB6C6", "38BDF8", "F5A524", "34D399", "A78BFA", "F472B6", "94A3B8", "7DD3FC", "C4B5FD"),
        "Arial", "Arial", Dark: true);

    /// <summary>
    /// Consulting: white slides built for "action titles" (a sentence that states the message)
    /// in Cambria over a full-width navy rule, Arial body, a source line on chart slides; a
    /// monochrome blue chart palette with gold and red kept for highlights.
    /// </summary>
    public static DeckDesign Consulting { get; } = new("consulting", "Consulting: action titles in Cambria over a navy rule, Arial body, source line on chart slides, blue chart palette with gold highlight.",
        DeckLook.Consulting,
        new("222222", "FFFFFF", "0B2A4A", "F2F4F7", "0B3C6E", "3A7DC4", "8DB8E2", "D4A017", "7F8A96", "C0392B", "2F6DB5", "6B4C9A"),
        "Cambria", "Arial");

    /// <summary>The shipped designs; the first is the design of a new deck.</summary>
    public static IReadOnlyList<DeckDesign> BuiltIn { get; } = [Corporate, DarkSlate, Consulting];

    /// <summary>The built-in design named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static DeckDesign? Find(string? name) =>
        BuiltIn.FirstOrDefault(d => string.Equals(d.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of the built-in designs, for error messages and schema descriptions.</summary>
    public static string Names => string.Join(", ", BuiltIn.Select(d => $"'{d.Name}'"));
}
