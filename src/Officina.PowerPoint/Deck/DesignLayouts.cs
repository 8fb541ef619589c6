using System.Text;
using static Officina.PowerPoint.Deck.DesignXml;
using Ph = Officina.PowerPoint.Deck.TemplateXml.Placeholder;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// The layouts of a <see cref="DeckDesign"/>, in the order list_layouts shows them: the six
/// standard ones new decks always had (Title Slide, Title and Content, Section Header, Two
/// Content, Title Only, Blank) and Comparison, Big Number, Chart and Closing. Content layouts
/// take the master's bars and rules; cover, section and closing slides draw their own.
/// </summary>
internal static class DesignLayouts
{
    private const string Title = "Click to edit Master title style";
    private const string Body = "Click to edit Master text styles\nSecond level\nThird level\nFourth level\nFifth level";

    /// <summary>The layout names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison", "Title Only", "Big Number", "Chart", "Closing", "Blank"];

    public static IEnumerable<string> All(DeckDesign design) => Names.Select(name => Layout(design, name));

    private static string Layout(DeckDesign design, string name)
    {
        var (tx, ty, tw, th, anchor) = TitleBox(design);
        var title = new Ph("Title", "title", null, tx, ty, tw, th, Title, BodyProperties: $" anchor=\"{anchor}\"");
        var top = BodyTop(design);
        var height = BodyBottom - top;
        var half = (ContentWidth - In(0.4)) / 2;
        var right = Margin + half + In(0.4);
        var reversed = design.Dark ? "tx1" : "bg1";
        return name switch
        {
            "Title Slide" => Cover(design, name, "title"),
            "Title and Content" => Xml(design, name, "obj", [title, new("Content Placeholder", null, 1, Margin, top, ContentWidth, height, Body)]),
            "Section Header" => Section(design),
            "Two Content" => Xml(design, name, "twoObj",
                [title, new("Content Placeholder", null, 1, Margin, top, half, height, Body, Size: "half"), new("Content Placeholder", null, 2, right, top, half, height, Body, Size: "half")]),
            "Comparison" => Xml(design, name, "twoTxTwoObj",
            [
                title,
                new("Text Placeholder", "body", 1, Margin, top, half, In(0.55), "Click to edit Master text styles", Heading(design), Size: "half", BodyProperties: " anchor=\"b\""),
                new("Content Placeholder", null, 2, Margin, top + In(0.65), half, height - In(0.65), Body, Size: "half"),
                new("Text Placeholder", "body", 3, right, top, half, In(0.55), "Click to edit Master text styles", Heading(design), Size: "quarter", BodyProperties: " anchor=\"b\""),
                new("Content Placeholder", null, 4, right, top + In(0.65), half, height - In(0.65), Body, Size: "quarter"),
            ]),
            "Title Only" => Xml(design, name, "titleOnly", [title]),
            "Big Number" => Xml(design, name, "cust",
            [
                title,
                new("Text Placeholder", "body", 1, Margin, top + In(0.2), ContentWidth, In(2.1), "00%", Plain(9600, "accent1", bold: true), BodyProperties: " anchor=\"b\""),
                new("Text Placeholder", "body", 2, Margin, top + In(2.45), ContentWidth * 2 / 3, In(1.6), "What the number means", Plain(2200, "tx1")),
            ]),
            "Chart" => Xml(design, name, "chart",
            [
                title,
                new("Chart Placeholder", "chart", 1, Margin, top, ContentWidth, height - In(0.45), null, Size: "half"),
                new("Text Placeholder", "body", 2, Margin, BodyBottom - In(0.38), ContentWidth, In(0.36), "Source: ", $"<a:lstStyle><a:lvl1pPr marL=\"0\" indent=\"0\"><a:buNone/><a:defRPr sz=\"1100\"><a:solidFill>{Muted}</a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>", Size: "quarter", BodyProperties: " anchor=\"b\""),
            ]),
            "Closing" => Closing(design, reversed),
            _ => Xml(design, name, "blank", [], showMaster: false),
        };
    }

    /// <summary>The cover: its own bars; the title large, a short rule, the subtitle muted.</summary>
    private static string Cover(DeckDesign design, string name, string type)
    {
        var left = design.Look == DeckLook.Consulting ? In(0.9) : In(1.2);
        var (background, text, sub, decoration) = design.Look switch
        {
            DeckLook.Corporate => ((string?)null, "tx2", Muted,
                Rect(20, "Side Band", 0, 0, In(0.32), SlideHeight, Scheme("tx2")) + Rect(21, "Side Accent", In(0.32), 0, In(0.08), SlideHeight, Scheme("accent1")) +
                Rect(22, "Accent Rule", left + 91440, In(3.95), In(1.0), In(0.07), Scheme("accent2"))),
            DeckLook.Dark => (null, "tx1", Scheme("tx2"),
                Rect(20, "Side Accent", 0, 0, In(0.14), SlideHeight, Scheme("accent1")) + Rect(22, "Accent Rule", left + 91440, In(3.95), In(1.2), In(0.06), Scheme("accent1"))),
            _ => ("tx2", "bg1", "<a:schemeClr val=\"bg1\"><a:lumMod val=\"85000\"/></a:schemeClr>",
                Rect(22, "Accent Rule", left + 91440, In(3.95), In(1.0), In(0.045), Scheme("accent3"))),
        };
        var size = design.Look switch { DeckLook.Dark => 4400, DeckLook.Consulting => 3800, _ => 4000 };
        return Xml(design, name, type,
        [
            new("Title", "ctrTitle", null, left, In(1.7), SlideWidth - left - Margin, In(2.15), Title, Plain(size, text, bold: design.Look != DeckLook.Consulting, font: "+mj-lt"), BodyProperties: " anchor=\"b\""),
            new("Subtitle", "subTitle", 1, left, In(4.15), SlideWidth - left - Margin, In(1.3), "Click to edit Master subtitle style", PlainFill(2000, sub)),
        ], showMaster: false, background: background, decoration: decoration, footers: false);
    }

    private static string Section(DeckDesign design)
    {
        if (design.Look == DeckLook.Consulting)
        {
            return Xml(design, "Section Header", "secHead",
            [
                new("Title", "title", null, In(0.6), In(1.6), In(3.5), In(3.0), Title, Plain(3000, "bg1", font: "+mj-lt"), BodyProperties: " anchor=\"b\""),
                new("Text Placeholder", "body", 1, In(5.0), In(1.6), In(6.9), In(3.0), "Click to edit Master text styles", Plain(2000, "tx1"), BodyProperties: " anchor=\"b\""),
            ], showMaster: false, decoration: Rect(20, "Section Panel", 0, 0, In(4.5), SlideHeight, Scheme("tx2")) + Rect(21, "Accent Rule", In(0.7), In(4.75), In(0.9), In(0.045), Scheme("accent3")), footers: false);
        }

        var text = design.Dark ? "tx1" : "bg1";
        return Xml(design, "Section Header", "secHead",
        [
            new("Title", "title", null, In(1.2), In(2.45), In(10.2), In(1.6), Title, Plain(3600, text, bold: true, font: "+mj-lt")),
            new("Text Placeholder", "body", 1, In(1.2), In(4.1), In(10.2), In(1.2), "Click to edit Master text styles",
                PlainFill(2000, design.Dark ? Scheme("tx2") : "<a:schemeClr val=\"bg1\"><a:lumMod val=\"85000\"/></a:schemeClr>")),
        ], showMaster: false, background: design.Dark ? "bg2" : "tx2", decoration: Rect(20, "Accent Bar", In(1.2) + 91440, In(2.25), In(0.8), In(0.08), Scheme("accent1")), footers: false);
    }

    private static string Closing(DeckDesign design, string text)
    {
        var background = design.Dark ? null : "tx2";
        return Xml(design, "Closing", "cust",
        [
            new("Title", "ctrTitle", null, Margin, In(2.0), ContentWidth, In(1.7), Title, Centered(4000, text, bold: design.Look != DeckLook.Consulting), BodyProperties: " anchor=\"b\""),
            new("Subtitle", "subTitle", 1, Margin, In(4.05), ContentWidth, In(1.4), "Click to edit Master subtitle style",
                CenteredFill(1800, design.Dark ? Scheme("tx2") : "<a:schemeClr val=\"bg1\"><a:lumMod val=\"85000\"/></a:schemeClr>")),
        ], showMaster: false, background: background,
            decoration: Rect(20, "Accent Bar", (SlideWidth / 2) - In(0.45), In(3.82), In(0.9), In(0.07), Scheme(design.Look == DeckLook.Consulting ? "accent3" : "accent1")), footers: false);
    }

    private static string Heading(DeckDesign design) =>
        Plain(2000, design.Dark ? "accent1" : "tx2", bold: true);

    private static string Plain(int size, string color, bool bold = false, string? font = null) => PlainFill(size, Scheme(color), bold, font);

    private static string PlainFill(int size, string fill, bool bold = false, string? font = null) =>
        $"<a:lstStyle><a:lvl1pPr marL=\"0\" indent=\"0\"><a:spcBef><a:spcPts val=\"0\"/></a:spcBef><a:buNone/><a:defRPr sz=\"{size}\"{(bold ? " b=\"1\"" : "")}><a:solidFill>{fill}</a:solidFill>" +
        $"{(font is null ? "" : $"<a:latin typeface=\"{font}\"/>")}</a:defRPr></a:lvl1pPr></a:lstStyle>";

    private static string Centered(int size, string color, bool bold) =>
        $"<a:lstStyle><a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"ctr\"><a:buNone/><a:defRPr sz=\"{size}\"{(bold ? " b=\"1\"" : " b=\"0\"")}><a:solidFill>{Scheme(color)}</a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>";

    private static string CenteredFill(int size, string fill) =>
        $"<a:lstStyle><a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"ctr\"><a:spcBef><a:spcPts val=\"0\"/></a:spcBef><a:buNone/><a:defRPr sz=\"{size}\"><a:solidFill>{fill}</a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>";

    private static string Xml(DeckDesign design, string name, string type, IReadOnlyList<Ph> placeholders,
        bool showMaster = true, string? background = null, string decoration = "", bool footers = true)
    {
        var shapes = new StringBuilder(decoration);
        var id = 2;
        foreach (var ph in placeholders)
        {
            shapes.Append(TemplateXml.Sp(id++, ph));
        }

        if (footers)
        {
            shapes.Append(Footers(design, id));
        }

        var bg = background is null ? "" : $"<p:bg><p:bgPr><a:solidFill>{Scheme(background)}</a:solidFill><a:effectLst/></p:bgPr></p:bg>";
        return $"<p:sldLayout {TemplateXml.Namespaces} type=\"{type}\" preserve=\"1\"{(showMaster ? "" : " showMasterSp=\"0\"")}><p:cSld name=\"{name}\">{bg}<p:spTree>{TemplateXml.GroupProperties}{shapes}</p:spTree></p:cSld>" +
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";
    }
}
