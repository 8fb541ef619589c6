using System.Text.Json.Serialization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Styles;

/// <summary>Excel's built-in cell styles that apply_cell_style offers (the Home > Cell Styles gallery).</summary>
public enum BuiltInCellStyle
{
    Normal,
    Good,
    Bad,
    Neutral,
    Title,
    [JsonStringEnumMemberName("heading_1")] Heading1,
    [JsonStringEnumMemberName("heading_2")] Heading2,
    [JsonStringEnumMemberName("heading_3")] Heading3,
    [JsonStringEnumMemberName("heading_4")] Heading4,
    Total,
    Currency,
    [JsonStringEnumMemberName("currency_0")] CurrencyNoDecimals,
    Percent,
    Comma,
    [JsonStringEnumMemberName("comma_0")] CommaNoDecimals,
    Hyperlink,
    Note,
    WarningText,
    Input,
    Output,
    Calculation,
    CheckCell,
    ExplanatoryText,
    LinkedCell,
}

/// <summary>Which parts of a cell's format a style sets (Excel's "Style Includes").</summary>
[Flags]
internal enum StyleParts
{
    None = 0,
    Number = 1,
    Font = 2,
    Fill = 4,
    Border = 8,
    All = Number | Font | Fill | Border,
}

/// <summary>
/// Adds a built-in cell style to the stylesheet as Excel does: a <c>cellStyleXfs</c> entry
/// whose <c>apply*</c> attributes are off for what the style leaves alone, and a
/// <c>cellStyle</c> with Excel's name and <c>builtinId</c> (so Excel localises the name and
/// shows it in the gallery). The look is Excel's default Office theme: theme colors for titles
/// and headings, fixed colors for Good/Bad/Neutral and the data styles. A style the workbook
/// already has (same builtinId) is used as it is.
/// </summary>
internal static class BuiltInCellStyles
{
    private sealed record Definition(string Name, uint BuiltinId, StyleParts Parts, Action<Font>? Font = null, string? Fill = null, Func<Border>? Border = null, uint NumberFormat = 0);

    private static Definition Of(BuiltInCellStyle style) => style switch
    {
        BuiltInCellStyle.Normal => new("Normal", 0, StyleParts.All),
        BuiltInCellStyle.Good => new("Good", 26, StyleParts.Font | StyleParts.Fill, f => Rgb(f, "FF006100"), "FFC6EFCE"),
        BuiltInCellStyle.Bad => new("Bad", 27, StyleParts.Font | StyleParts.Fill, f => Rgb(f, "FF9C0006"), "FFFFC7CE"),
        BuiltInCellStyle.Neutral => new("Neutral", 28, StyleParts.Font | StyleParts.Fill, f => Rgb(f, "FF9C5700"), "FFFFEB9C"),
        BuiltInCellStyle.Title => new("Title", 15, StyleParts.Font, f => Heading(f, 18, bold: false, major: true)),
        BuiltInCellStyle.Heading1 => new("Heading 1", 16, StyleParts.Font | StyleParts.Border, f => Heading(f, 15), Border: () => Bottom(BorderStyleValues.Thick, 4, null)),
        BuiltInCellStyle.Heading2 => new("Heading 2", 17, StyleParts.Font | StyleParts.Border, f => Heading(f, 13), Border: () => Bottom(BorderStyleValues.Thick, 4, 0.499984740745262)),
        BuiltInCellStyle.Heading3 => new("Heading 3", 18, StyleParts.Font | StyleParts.Border, f => Heading(f, 11), Border: () => Bottom(BorderStyleValues.Medium, 4, 0.39997558519241921)),
        BuiltInCellStyle.Heading4 => new("Heading 4", 19, StyleParts.Font, f => Heading(f, 11)),
        BuiltInCellStyle.Total => new("Total", 25, StyleParts.Font | StyleParts.Border, f => Bold(f), Border: Total),
        BuiltInCellStyle.Currency => new("Currency", 4, StyleParts.Number, NumberFormat: 44),
        BuiltInCellStyle.CurrencyNoDecimals => new("Currency [0]", 7, StyleParts.Number, NumberFormat: 42),
        BuiltInCellStyle.Percent => new("Percent", 5, StyleParts.Number, NumberFormat: 9),
        BuiltInCellStyle.Comma => new("Comma", 3, StyleParts.Number, NumberFormat: 43),
        BuiltInCellStyle.CommaNoDecimals => new("Comma [0]", 6, StyleParts.Number, NumberFormat: 41),
        BuiltInCellStyle.Hyperlink => new("Hyperlink", 8, StyleParts.Font, f => { f.Underline = new Underline(); Theme(f, 10); }),
        BuiltInCellStyle.Note => new("Note", 10, StyleParts.Fill | StyleParts.Border, Fill: "FFFFFFCC", Border: () => Box(BorderStyleValues.Thin, "FFB2B2B2")),
        BuiltInCellStyle.WarningText => new("Warning Text", 11, StyleParts.Font, f => Rgb(f, "FFFF0000")),
        BuiltInCellStyle.Input => new("Input", 20, StyleParts.Font | StyleParts.Fill | StyleParts.Border, f => Rgb(f, "FF3F3F76"), "FFFFCC99", () => Box(BorderStyleValues.Thin, "FF7F7F7F")),
        BuiltInCellStyle.Output => new("Output", 21, StyleParts.Font | StyleParts.Fill | StyleParts.Border, f => Rgb(Bold(f), "FF3F3F3F"), "FFF2F2F2", () => Box(BorderStyleValues.Thin, "FF3F3F3F")),
        BuiltInCellStyle.Calculation => new("Calculation", 22, StyleParts.Font | StyleParts.Fill | StyleParts.Border, f => Rgb(Bold(f), "FFFA7D00"), "FFF2F2F2", () => Box(BorderStyleValues.Thin, "FF7F7F7F")),
        BuiltInCellStyle.CheckCell => new("Check Cell", 23, StyleParts.Font | StyleParts.Fill | StyleParts.Border, f => Theme(Bold(f), 0), "FFA5A5A5", () => Box(BorderStyleValues.Double, "FF3F3F3F")),
        BuiltInCellStyle.ExplanatoryText => new("Explanatory Text", 53, StyleParts.Font, f => { f.Italic = new Italic(); Rgb(f, "FF7F7F7F"); }),
        _ => new("Linked Cell", 24, StyleParts.Font | StyleParts.Border, f => Rgb(f, "FFFA7D00"), Border: () => Bottom(BorderStyleValues.Double, null, null, "FFFF8001")),
    };

    public static string NameOf(BuiltInCellStyle style) => Of(style).Name;

    public static StyleParts PartsOf(BuiltInCellStyle style) => Of(style).Parts;

    /// <summary>The <c>cellStyleXfs</c> index of <paramref name="style"/>, adding the style when the workbook lacks it.</summary>
    public static uint Ensure(WorkbookStyles styles, BuiltInCellStyle style)
    {
        ArgumentNullException.ThrowIfNull(styles);
        var sheet = styles.Stylesheet;
        var definition = Of(style);
        var styleFormats = sheet.CellStyleFormats ?? Insert(sheet, new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 });
        var cellStyles = sheet.CellStyles ?? Insert(sheet, new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        var existing = cellStyles.Elements<CellStyle>().FirstOrDefault(s => s.BuiltinId?.Value == definition.BuiltinId)
            ?? cellStyles.Elements<CellStyle>().FirstOrDefault(s => string.Equals(s.Name?.Value, definition.Name, StringComparison.OrdinalIgnoreCase));
        if (existing?.FormatId?.Value is { } known && known < styleFormats.Elements<CellFormat>().Count())
        {
            return known;
        }

        var font = styles.FontAt(0);
        font.RemoveAllChildren<Bold>();
        font.RemoveAllChildren<Italic>();
        font.RemoveAllChildren<Underline>();
        definition.Font?.Invoke(font);
        var format = new CellFormat
        {
            NumberFormatId = definition.NumberFormat,
            FontId = definition.Font is null ? 0 : styles.AddFont(font),
            FillId = definition.Fill is { } fill ? styles.AddFill(Solid(fill)) : 0,
            BorderId = definition.Border is { } border ? styles.AddBorder(border()) : 0,
        };
        if (style != BuiltInCellStyle.Normal)
        {
            format.ApplyNumberFormat = definition.Parts.HasFlag(StyleParts.Number) ? null : false;
            format.ApplyFont = definition.Parts.HasFlag(StyleParts.Font) ? null : false;
            format.ApplyFill = definition.Parts.HasFlag(StyleParts.Fill) ? null : false;
            format.ApplyBorder = definition.Parts.HasFlag(StyleParts.Border) ? null : false;
            format.ApplyAlignment = false;
            format.ApplyProtection = false;
        }

        styleFormats.AppendChild(format);
        var index = (uint)styleFormats.Elements<CellFormat>().Count() - 1;
        styleFormats.Count = index + 1;
        existing?.Remove();
        cellStyles.AppendChild(new CellStyle { Name = definition.Name, FormatId = index, BuiltinId = definition.BuiltinId });
        cellStyles.Count = (uint)cellStyles.Elements<CellStyle>().Count();
        return index;
    }

    private static T Insert<T>(Stylesheet sheet, T element)
        where T : OpenXmlElement
    {
        // cellStyleXfs follows borders; cellStyles follows cellXfs.
        OpenXmlElement?[] before = element is CellStyleFormats
            ? [sheet.Borders, sheet.Fills, sheet.Fonts, sheet.NumberingFormats]
            : [sheet.CellFormats, sheet.CellStyleFormats, sheet.Borders, sheet.Fills, sheet.Fonts, sheet.NumberingFormats];
        var after = before.FirstOrDefault(e => e is not null);
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

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static Font Rgb(Font font, string argb)
    {
        font.Color = new Color { Rgb = argb };
        return font;
    }

    private static Font Theme(Font font, uint theme)
    {
        font.Color = new Color { Theme = theme };
        return font;
    }

    private static Font Bold(Font font)
    {
        font.Bold = new Bold();
        return font;
    }

    private static void Heading(Font font, double size, bool bold = true, bool major = false)
    {
        if (bold)
        {
            font.Bold = new Bold();
        }

        font.FontSize = new FontSize { Val = size };
        Theme(font, 3);
        if (major)
        {
            font.FontName = new FontName { Val = "Calibri Light" };
            font.FontScheme = new FontScheme { Val = FontSchemeValues.Major };
        }
    }

    private static Border Bottom(BorderStyleValues line, uint? theme, double? tint, string? rgb = null) => new(
        new LeftBorder(), new RightBorder(), new TopBorder(),
        new BottomBorder(BorderColor(theme, tint, rgb)) { Style = line },
        new DiagonalBorder());

    private static Color BorderColor(uint? theme, double? tint, string? rgb)
    {
        var color = new Color();
        if (theme is { } t)
        {
            color.Theme = t;
        }

        if (tint is { } shade)
        {
            color.Tint = shade;
        }

        if (rgb is not null)
        {
            color.Rgb = rgb;
        }

        return color;
    }

    private static Border Total() => new(
        new LeftBorder(), new RightBorder(),
        new TopBorder(new Color { Theme = 4 }) { Style = BorderStyleValues.Thin },
        new BottomBorder(new Color { Theme = 4 }) { Style = BorderStyleValues.Double },
        new DiagonalBorder());

    private static Border Box(BorderStyleValues line, string argb) => new(
        new LeftBorder(new Color { Rgb = argb }) { Style = line },
        new RightBorder(new Color { Rgb = argb }) { Style = line },
        new TopBorder(new Color { Rgb = argb }) { Style = line },
        new BottomBorder(new Color { Rgb = argb }) { Style = line },
        new DiagonalBorder());
}
