using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Styles;

/// <summary>
/// The workbook's stylesheet: finds or adds number formats, fonts, fills, borders and cell
/// formats, reusing an identical existing entry rather than adding a duplicate. Existing
/// entries are never changed, so cells that share a format are not affected by an edit to
/// one of them.
/// </summary>
public sealed class WorkbookStyles(WorkbookPart workbookPart)
{
    private static readonly Dictionary<string, uint> BuiltInFormats = new(StringComparer.Ordinal)
    {
        ["General"] = 0, ["0"] = 1, ["0.00"] = 2, ["#,##0"] = 3, ["#,##0.00"] = 4, ["0%"] = 9, ["0.00%"] = 10,
        ["0.00E+00"] = 11, ["# ?/?"] = 12, ["# ??/??"] = 13, ["mm-dd-yy"] = 14, ["d-mmm-yy"] = 15, ["d-mmm"] = 16,
        ["mmm-yy"] = 17, ["h:mm AM/PM"] = 18, ["h:mm:ss AM/PM"] = 19, ["h:mm"] = 20, ["h:mm:ss"] = 21,
        ["m/d/yy h:mm"] = 22, ["#,##0 ;(#,##0)"] = 37, ["#,##0 ;[Red](#,##0)"] = 38, ["#,##0.00;(#,##0.00)"] = 39,
        ["#,##0.00;[Red](#,##0.00)"] = 40, ["mm:ss"] = 45, ["[h]:mm:ss"] = 46, ["mmss.0"] = 47, ["##0.0E+0"] = 48, ["@"] = 49,
    };

    public Stylesheet Stylesheet
    {
        get
        {
            var part = workbookPart.WorkbookStylesPart;
            if (part is null)
            {
                part = workbookPart.AddNewPart<WorkbookStylesPart>();
                part.Stylesheet = CreateDefault();
            }

            return part.Stylesheet ??= CreateDefault();
        }
    }

    /// <summary>The id of a number format code, adding a custom format (id 164 and up) when needed.</summary>
    public uint NumberFormatId(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (BuiltInFormats.TryGetValue(code, out var builtIn))
        {
            return builtIn;
        }

        var formats = Stylesheet.NumberingFormats ??= InsertInOrder(Stylesheet, new NumberingFormats());
        var existing = formats.Elements<NumberingFormat>().FirstOrDefault(f => f.FormatCode?.Value == code);
        if (existing?.NumberFormatId?.Value is { } id)
        {
            return id;
        }

        var next = Math.Max(164u, formats.Elements<NumberingFormat>().Select(f => (f.NumberFormatId?.Value ?? 0) + 1).DefaultIfEmpty(164u).Max());
        formats.AppendChild(new NumberingFormat { NumberFormatId = next, FormatCode = code });
        formats.Count = (uint)formats.ChildElements.Count;
        return next;
    }

    /// <summary>The format code of a number format id, or null when unknown.</summary>
    public string? NumberFormatCode(uint id) =>
        BuiltInFormats.FirstOrDefault(p => p.Value == id).Key
        ?? Stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;

    public uint AddFont(Font font) => AddUnique(Stylesheet.Fonts ??= InsertInOrder(Stylesheet, new Fonts(new Font())), font);

    public uint AddFill(Fill fill) => AddUnique(Stylesheet.Fills ??= InsertInOrder(Stylesheet, new Fills(DefaultFills())), fill);

    public uint AddBorder(Border border) => AddUnique(Stylesheet.Borders ??= InsertInOrder(Stylesheet, new Borders(new Border())), border);

    public Font FontAt(uint index) => (Font?)Stylesheet.Fonts?.Elements<Font>().ElementAtOrDefault((int)index)?.CloneNode(true) ?? new Font();

    public Fill FillAt(uint index) => (Fill?)Stylesheet.Fills?.Elements<Fill>().ElementAtOrDefault((int)index)?.CloneNode(true) ?? new Fill(new PatternFill { PatternType = PatternValues.None });

    public Border BorderAt(uint index) => (Border?)Stylesheet.Borders?.Elements<Border>().ElementAtOrDefault((int)index)?.CloneNode(true) ?? new Border();

    /// <summary>A copy of cell format <paramref name="index"/> (cellXfs), to derive a new format from.</summary>
    public CellFormat CellFormatAt(uint index) =>
        (CellFormat?)Stylesheet.CellFormats?.Elements<CellFormat>().ElementAtOrDefault((int)index)?.CloneNode(true)
        ?? new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 };

    /// <summary>The index of a cell format equal to <paramref name="format"/>, adding it when new.</summary>
    public uint AddCellFormat(CellFormat format) =>
        AddUnique(Stylesheet.CellFormats ??= InsertInOrder(Stylesheet, new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 })), format);

    /// <summary>Derives a cell format from <paramref name="baseIndex"/> with a number format, e.g. for dates written by set_values.</summary>
    public uint WithNumberFormat(uint baseIndex, string code)
    {
        var format = CellFormatAt(baseIndex);
        format.NumberFormatId = NumberFormatId(code);
        format.ApplyNumberFormat = true;
        return AddCellFormat(format);
    }

    /// <summary>Adds a differential format (for conditional formats and table styles) and returns its index.</summary>
    public uint AddDifferentialFormat(DifferentialFormat format)
    {
        var formats = Stylesheet.DifferentialFormats ??= InsertInOrder(Stylesheet, new DifferentialFormats());
        formats.AppendChild(format);
        formats.Count = (uint)formats.ChildElements.Count;
        return (uint)formats.ChildElements.Count - 1;
    }

    private static uint AddUnique<T>(OpenXmlCompositeElement list, T item)
        where T : OpenXmlElement
    {
        var xml = item.OuterXml;
        var index = 0u;
        foreach (var existing in list.Elements<T>())
        {
            if (existing.OuterXml == xml)
            {
                return index;
            }

            index++;
        }

        list.AppendChild(item);
        if (list.GetAttributes().Any(a => a.LocalName == "count"))
        {
            list.SetAttribute(new OpenXmlAttribute("count", "", (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return index;
    }

    /// <summary>Stylesheet children must follow the schema's order.</summary>
    private static T InsertInOrder<T>(Stylesheet sheet, T element)
        where T : OpenXmlElement
    {
        Type[] order = [typeof(NumberingFormats), typeof(Fonts), typeof(Fills), typeof(Borders), typeof(CellStyleFormats),
            typeof(CellFormats), typeof(CellStyles), typeof(DifferentialFormats), typeof(TableStyles), typeof(Colors), typeof(StylesheetExtensionList)];
        var rank = Array.IndexOf(order, typeof(T));
        var after = sheet.ChildElements.LastOrDefault(c => Array.IndexOf(order, c.GetType()) is var r && r >= 0 && r < rank);
        if (after is null)
        {
            sheet.PrependChild(element);
        }
        else
        {
            sheet.InsertAfter(element, after);
        }

        return element;
    }

    private static Fill[] DefaultFills() =>
    [
        new Fill(new PatternFill { PatternType = PatternValues.None }),
        new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
    ];

    /// <summary>The minimal stylesheet Excel expects in a new workbook (Calibri 11, the two required fills).</summary>
    public static Stylesheet CreateDefault() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new Color { Theme = 1 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }, new FontScheme { Val = FontSchemeValues.Minor })) { Count = 1 },
        new Fills(DefaultFills()) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 }) { Count = 1 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
        new DifferentialFormats { Count = 0 },
        new TableStyles { Count = 0, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });
}
