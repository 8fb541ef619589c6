using System.Globalization;
using System.Text;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// The theme, slide master and table style of a <see cref="DeckDesign"/>. Sizes are set for
/// reading at a distance and on a laptop: titles 24–30 pt, body 20/18/16/14 pt with hanging
/// bullets, footers 10 pt. The master carries the date, footer and slide number placeholders
/// and its <c>p:hf</c> shows the footer and slide number (not the date) by default.
/// </summary>
internal static class DesignXml
{
    public const long SlideWidth = 12192000;
    public const long SlideHeight = 6858000;
    public const long Margin = 548640;
    public const long ContentWidth = SlideWidth - (2 * Margin);

    /// <summary>Inches to EMU.</summary>
    public static long In(double inches) => (long)Math.Round(inches * 914400);

    public static string ColorMap(DeckDesign design) => design.Dark
        ? "<p:clrMap bg1=\"dk1\" tx1=\"lt1\" bg2=\"dk2\" tx2=\"lt2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
        : TemplateXml.ColorMap;

    public static string ColorScheme(string name, DeckPalette palette) =>
        $"<a:clrScheme name=\"{Escape(name)}\">" + string.Concat(palette.Entries.Select(e => $"<a:{e.Element}><a:srgbClr val=\"{e.Rgb}\"/></a:{e.Element}>")) + "</a:clrScheme>";

    public static string FontScheme(string name, string heading, string body) =>
        $"<a:fontScheme name=\"{Escape(name)}\"><a:majorFont><a:latin typeface=\"{Escape(heading)}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>" +
        $"<a:minorFont><a:latin typeface=\"{Escape(body)}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme>";

    public static string Theme(DeckDesign design)
    {
        var office = TemplateXml.Theme;
        var format = office[office.IndexOf("<a:fmtScheme", StringComparison.Ordinal)..office.IndexOf("</a:themeElements>", StringComparison.Ordinal)];
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(design.Name);
        return $"<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Officina {title}\"><a:themeElements>" +
            ColorScheme($"Officina {title}", design.Colors) + FontScheme($"Officina {title}", design.HeadingFont, design.BodyFont) + format +
            "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";
    }

    /// <summary>Title placeholder geometry on content layouts (x, y, width, height, anchor).</summary>
    public static (long X, long Y, long Width, long Height, string Anchor) TitleBox(DeckDesign design) => design.Look switch
    {
        DeckLook.Corporate => (Margin, In(0.62), ContentWidth, In(0.95), "t"),
        DeckLook.Dark => (Margin, In(0.4), ContentWidth, In(1.1), "b"),
        _ => (Margin, In(0.3), ContentWidth, In(0.98), "b"),
    };

    /// <summary>Top of the body area on content layouts.</summary>
    public static long BodyTop(DeckDesign design) => design.Look == DeckLook.Consulting ? In(1.6) : In(1.8);

    /// <summary>Bottom of the body area: clear of the footer rule.</summary>
    public static long BodyBottom => In(6.6);

    public static int TitleSize(DeckDesign design) => design.Look switch { DeckLook.Corporate => 2800, DeckLook.Dark => 3000, _ => 2600 };

    /// <summary>Title colour: navy on light designs, the text colour on the dark one.</summary>
    public static string TitleColor(DeckDesign design) => design.Dark ? "tx1" : "tx2";

    public static string Master(DeckDesign design, IEnumerable<(uint Id, string RelationshipId)> layouts)
    {
        var (x, y, w, h, anchor) = TitleBox(design);
        var body = new TemplateXml.Placeholder("Text Placeholder", "body", 1, Margin, BodyTop(design), ContentWidth, BodyBottom - BodyTop(design),
            "Click to edit Master text styles\nSecond level\nThird level\nFourth level\nFifth level",
            BodyProperties: " vert=\"horz\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" rtlCol=\"0\"");
        return $"<p:sldMaster {TemplateXml.Namespaces}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{TemplateXml.GroupProperties}" +
            TemplateXml.Sp(2, new("Title Placeholder", "title", null, x, y, w, h, "Click to edit Master title style",
                BodyProperties: $" vert=\"horz\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" rtlCol=\"0\" anchor=\"{anchor}\"")) +
            TemplateXml.Sp(3, body) + Footers(design, 4) + Decoration(design, 7) + "</p:spTree></p:cSld>" + ColorMap(design) +
            "<p:sldLayoutIdLst>" + string.Concat(layouts.Select(l => $"<p:sldLayoutId id=\"{l.Id}\" r:id=\"{l.RelationshipId}\"/>")) + "</p:sldLayoutIdLst>" +
            "<p:hf hdr=\"0\" dt=\"0\"/>" +
            "<p:txStyles><p:titleStyle>" +
            "<a:lvl1pPr algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\"><a:lnSpc><a:spcPct val=\"95000\"/></a:lnSpc>" +
            $"<a:spcBef><a:spcPct val=\"0\"/></a:spcBef><a:buNone/><a:defRPr sz=\"{TitleSize(design)}\" b=\"{(design.Look == DeckLook.Consulting ? 0 : 1)}\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"{TitleColor(design)}\"/></a:solidFill>" +
            "<a:latin typeface=\"+mj-lt\"/><a:ea typeface=\"+mj-ea\"/><a:cs typeface=\"+mj-cs\"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle>" +
            BodyLevel(design, 1, 0, 285750, 2000) + BodyLevel(design, 2, 285750, 571500, 1800) + BodyLevel(design, 3, 571500, 800100, 1600) +
            BodyLevel(design, 4, 800100, 1028700, 1400) + BodyLevel(design, 5, 1028700, 1257300, 1400) +
            "</p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang=\"en-US\"/></a:defPPr>" +
            "<a:lvl1pPr marL=\"0\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\"><a:defRPr sz=\"1800\" kern=\"1200\">" +
            "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr>" +
            "</p:otherStyle></p:txStyles></p:sldMaster>";
    }

    /// <summary>
    /// A body level: the bullet hangs in the indent (<paramref name="indentFrom"/> is where the
    /// bullet sits, <paramref name="textAt"/> where the text starts), first level in the accent colour.
    /// </summary>
    private static string BodyLevel(DeckDesign design, int level, long indentFrom, long textAt, int size)
    {
        var bullet = level switch { 1 => "•", 2 => "–", _ => "•" };
        var color = level == 1 ? (design.Look == DeckLook.Consulting ? "tx2" : "accent1") : "tx1";
        return $"<a:lvl{level}pPr marL=\"{textAt}\" indent=\"{indentFrom - textAt}\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\">" +
            $"<a:lnSpc><a:spcPct val=\"100000\"/></a:lnSpc><a:spcBef><a:spcPts val=\"{(level == 1 ? 1000 : 400)}\"/></a:spcBef>" +
            $"<a:buClr><a:schemeClr val=\"{color}\"/></a:buClr><a:buFont typeface=\"Arial\" panose=\"020B0604020202020204\" pitchFamily=\"34\" charset=\"0\"/>" +
            $"<a:buChar char=\"{bullet}\"/><a:defRPr sz=\"{size}\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>" +
            $"<a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl{level}pPr>";
    }

    /// <summary>The muted colour of footers, captions and source lines.</summary>
    public const string Muted = "<a:schemeClr val=\"tx1\"><a:lumMod val=\"65000\"/><a:lumOff val=\"35000\"/></a:schemeClr>";

    private static string FooterStyle(string align, int size = 1000) =>
        $"<a:lstStyle><a:lvl1pPr algn=\"{align}\"><a:defRPr sz=\"{size}\"><a:solidFill>{Muted}</a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></a:lstStyle>";

    /// <summary>Date, footer and slide number placeholders along the bottom edge: footer left, date and number right.</summary>
    public static string Footers(DeckDesign design, int firstId)
    {
        _ = design;
        var y = In(6.88);
        var h = In(0.34);
        var number = In(0.9);
        return TemplateXml.Sp(firstId, new("Date Placeholder", "dt", 10, SlideWidth - Margin - number - In(2.2), y, In(2.1), h, null, FooterStyle("r"), "half", " anchor=\"ctr\"")) +
            TemplateXml.Sp(firstId + 1, new("Footer Placeholder", "ftr", 11, Margin, y, In(7.0), h, null, FooterStyle("l"), "quarter", " anchor=\"ctr\"")) +
            TemplateXml.Sp(firstId + 2, new("Slide Number Placeholder", "sldNum", 12, SlideWidth - Margin - number, y, number, h, "#", FooterStyle("r"), "quarter", " anchor=\"ctr\""));
    }

    /// <summary>The master's own bars and rules, shown on every layout that shows master shapes.</summary>
    private static string Decoration(DeckDesign design, int id)
    {
        var rule = Rect(id + 1, "Footer Rule", Margin, In(6.8), ContentWidth, 9525, "<a:schemeClr val=\"tx1\"><a:lumMod val=\"20000\"/><a:lumOff val=\"80000\"/></a:schemeClr>");
        return design.Look switch
        {
            DeckLook.Corporate => Rect(id, "Accent Bar", Margin + 91440, In(0.5), In(0.6), In(0.07), Scheme("accent1")) + rule,
            DeckLook.Dark => Rect(id, "Accent Rule", Margin + 91440, In(1.56), In(1.1), In(0.05), Scheme("accent1")) +
                Rect(id + 1, "Footer Rule", Margin, In(6.8), ContentWidth, 9525, Scheme("bg2")),
            _ => Rect(id, "Title Rule", Margin, In(1.34), ContentWidth, 19050, Scheme("tx2")) + rule,
        };
    }

    public static string Scheme(string value) => $"<a:schemeClr val=\"{value}\"/>";

    /// <summary>A filled rectangle that is part of the design (not a placeholder, never selected on slides).</summary>
    public static string Rect(int id, string name, long x, long y, long width, long height, string color) =>
        $"<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name} {id - 1}\"/><p:cNvSpPr/><p:nvPr userDrawn=\"1\"/></p:nvSpPr>" +
        $"<p:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{width}\" cy=\"{height}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>" +
        $"<a:solidFill>{color}</a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>" +
        "<p:txBody><a:bodyPr rtlCol=\"0\" anchor=\"ctr\"/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp>";

    /// <summary>The id of the design's own table style, written to the deck's table style list and used by add_table.</summary>
    public static string TableStyleId(DeckDesign design) => design.Look switch
    {
        DeckLook.Corporate => "{3A1F2C5E-0C1B-4E54-9D2B-6C0A3F1E7A01}",
        DeckLook.Dark => "{3A1F2C5E-0C1B-4E54-9D2B-6C0A3F1E7A02}",
        _ => "{3A1F2C5E-0C1B-4E54-9D2B-6C0A3F1E7A03}",
    };

    /// <summary>
    /// The design's table style: a header row that reads well (white on navy, or dark text on
    /// the bright accent of the dark design), light banded rows and hairline row rules.
    /// </summary>
    public static string TableStyles(DeckDesign design)
    {
        var (headFill, headText, band, rule, text) = design.Dark
            ? ("<a:schemeClr val=\"accent1\"/>", "<a:schemeClr val=\"dk1\"/>", "<a:schemeClr val=\"dk2\"/>", "<a:schemeClr val=\"dk2\"><a:lumMod val=\"150000\"/></a:schemeClr>", "<a:schemeClr val=\"lt1\"/>")
            : (design.Look == DeckLook.Consulting ? "<a:schemeClr val=\"dk2\"/>" : "<a:schemeClr val=\"accent1\"/>", "<a:schemeClr val=\"lt1\"/>", "<a:schemeClr val=\"lt2\"/>",
                "<a:schemeClr val=\"dk1\"><a:lumMod val=\"25000\"/><a:lumOff val=\"75000\"/></a:schemeClr>", "<a:schemeClr val=\"dk1\"/>");
        static string Line(string? color, int width = 6350) => color is null ? "<a:ln><a:noFill/></a:ln>" : $"<a:ln w=\"{width}\" cmpd=\"sng\"><a:solidFill>{color}</a:solidFill></a:ln>";
        var borders = $"<a:tcBdr><a:left>{Line(null)}</a:left><a:right>{Line(null)}</a:right><a:top>{Line(null)}</a:top><a:bottom>{Line(rule)}</a:bottom>" +
            $"<a:insideH>{Line(rule)}</a:insideH><a:insideV>{Line(null)}</a:insideV></a:tcBdr>";
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(design.Name);
        return $"<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{TableStyleId(design)}\">" +
            $"<a:tblStyle styleId=\"{TableStyleId(design)}\" styleName=\"Officina {title}\">" +
            $"<a:wholeTbl><a:tcTxStyle><a:fontRef idx=\"minor\"><a:prstClr val=\"black\"/></a:fontRef>{text}</a:tcTxStyle><a:tcStyle>{borders}<a:fill><a:noFill/></a:fill></a:tcStyle></a:wholeTbl>" +
            $"<a:band1H><a:tcStyle><a:tcBdr/><a:fill><a:solidFill>{band}</a:solidFill></a:fill></a:tcStyle></a:band1H>" +
            "<a:band2H><a:tcStyle><a:tcBdr/></a:tcStyle></a:band2H>" +
            $"<a:lastRow><a:tcTxStyle b=\"on\"><a:fontRef idx=\"minor\"><a:prstClr val=\"black\"/></a:fontRef>{text}</a:tcTxStyle><a:tcStyle><a:tcBdr><a:top>{Line(text, 12700)}</a:top></a:tcBdr><a:fill><a:noFill/></a:fill></a:tcStyle></a:lastRow>" +
            $"<a:firstRow><a:tcTxStyle b=\"on\"><a:fontRef idx=\"minor\"><a:prstClr val=\"black\"/></a:fontRef>{headText}</a:tcTxStyle><a:tcStyle><a:tcBdr/><a:fill><a:solidFill>{headFill}</a:solidFill></a:fill></a:tcStyle></a:firstRow>" +
            "</a:tblStyle></a:tblStyleLst>";
    }

    private static string Escape(string text) => new StringBuilder(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace("\"", "&quot;").ToString();
}
