using DocumentFormat.OpenXml;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Puts a DrawingML child where the schema wants it. Many DrawingML property elements
/// (<c>a:rPr</c>, <c>a:pPr</c>, <c>a:bodyPr</c>, <c>p:spPr</c>, <c>a:ln</c>) are sequences of
/// choices (one fill of several kinds, one bullet of several kinds) that the SDK has no typed
/// setter for; an element in the wrong place makes PowerPoint repair the file. Each list below
/// is the schema's sequence, one slot per entry, each slot the local names of its choice.
/// </summary>
public static class SchemaOrder
{
    private static readonly string[] Fills = ["noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"];

    /// <summary><c>p:spPr</c> (CT_ShapeProperties).</summary>
    public static readonly string[][] ShapeProperties =
        [["xfrm"], ["custGeom", "prstGeom"], Fills, ["ln"], ["effectLst", "effectDag"], ["scene3d"], ["sp3d"], ["extLst"]];

    /// <summary><c>a:rPr</c>, <c>a:endParaRPr</c>, <c>a:defRPr</c> (CT_TextCharacterProperties).</summary>
    public static readonly string[][] CharacterProperties =
        [["ln"], Fills, ["effectLst", "effectDag"], ["highlight"], ["uLnTx", "uLn"], ["uFillTx", "uFill"], ["latin"], ["ea"], ["cs"], ["sym"],
         ["hlinkClick"], ["hlinkMouseOver"], ["rtl"], ["extLst"]];

    /// <summary><c>a:pPr</c> (CT_TextParagraphProperties).</summary>
    public static readonly string[][] ParagraphProperties =
        [["lnSpc"], ["spcBef"], ["spcAft"], ["buClrTx", "buClr"], ["buSzTx", "buSzPct", "buSzPts"], ["buFontTx", "buFont"],
         ["buNone", "buAutoNum", "buChar", "buBlip"], ["tabLst"], ["defRPr"], ["extLst"]];

    /// <summary><c>a:bodyPr</c> (CT_TextBodyProperties).</summary>
    public static readonly string[][] BodyProperties =
        [["prstTxWarp"], ["noAutofit", "normAutofit", "spAutoFit"], ["scene3d"], ["sp3d", "flatTx"], ["extLst"]];

    /// <summary><c>a:ln</c> (CT_LineProperties).</summary>
    public static readonly string[][] LineProperties =
        [["noFill", "solidFill", "gradFill", "pattFill"], ["prstDash", "custDash"], ["round", "bevel", "miter"], ["headEnd"], ["tailEnd"], ["extLst"]];

    /// <summary><c>a:tcPr</c> (CT_TableCellProperties).</summary>
    public static readonly string[][] TableCellProperties =
        [["lnL"], ["lnR"], ["lnT"], ["lnB"], ["lnTlToBr"], ["lnBlToTr"], ["cell3D"], Fills, ["headers"], ["extLst"]];

    /// <summary><c>p:bgPr</c> (CT_BackgroundProperties).</summary>
    public static readonly string[][] BackgroundProperties = [Fills, ["effectLst", "effectDag"], ["extLst"]];

    /// <summary>
    /// Replaces whatever <paramref name="parent"/> holds in the slot of <paramref name="element"/>'s
    /// local name with <paramref name="element"/>, at its place in <paramref name="order"/>.
    /// </summary>
    public static T Set<T>(OpenXmlCompositeElement parent, string[][] order, T element)
        where T : OpenXmlElement
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(element);
        var slot = SlotOf(order, element.LocalName);
        if (slot < 0)
        {
            throw new ArgumentException($"'{element.LocalName}' has no place in the given order.", nameof(element));
        }

        Clear(parent, order, slot);
        var before = parent.ChildElements.FirstOrDefault(c => SlotOf(order, c.LocalName) > slot);
        if (before is null)
        {
            parent.AppendChild(element);
        }
        else
        {
            parent.InsertBefore(element, before);
        }

        return element;
    }

    /// <summary>The child in the slot <paramref name="localName"/> belongs to, or null.</summary>
    public static OpenXmlElement? Get(OpenXmlCompositeElement parent, string[][] order, string localName)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var slot = SlotOf(order, localName);
        return parent.ChildElements.FirstOrDefault(c => SlotOf(order, c.LocalName) == slot);
    }

    /// <summary>Removes what <paramref name="parent"/> holds in the slot of <paramref name="localName"/>.</summary>
    public static void Remove(OpenXmlCompositeElement parent, string[][] order, string localName)
    {
        ArgumentNullException.ThrowIfNull(parent);
        Clear(parent, order, SlotOf(order, localName));
    }

    private static void Clear(OpenXmlCompositeElement parent, string[][] order, int slot)
    {
        foreach (var old in parent.ChildElements.Where(c => SlotOf(order, c.LocalName) == slot).ToList())
        {
            old.Remove();
        }
    }

    private static int SlotOf(string[][] order, string localName)
    {
        for (var i = 0; i < order.Length; i++)
        {
            if (Array.IndexOf(order[i], localName) >= 0)
            {
                return i;
            }
        }

        return -1;
    }
}
