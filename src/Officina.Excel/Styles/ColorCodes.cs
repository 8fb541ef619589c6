using System.Globalization;

namespace Officina.Excel.Styles;

/// <summary>Reads the colors plans give (<c>#FF0000</c>, <c>FF0000</c>, <c>80FF0000</c>) as Excel's ARGB hex.</summary>
public static class ColorCodes
{
    /// <summary>ARGB hex (<c>FFFF0000</c>) for a color, or null when it is not one.</summary>
    public static string? ToArgb(string? color)
    {
        if (color is null)
        {
            return null;
        }

        var hex = color.Trim().TrimStart('#');
        if (hex.Length is not (6 or 8) || !int.TryParse(hex.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _)
            || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return (hex.Length == 6 ? "FF" + hex : hex).ToUpperInvariant();
    }

    public static string Problem(string color) =>
        $"A color is hex RGB like #C6EFCE (or ARGB like #FFC6EFCE). Given: '{color}'.";
}
