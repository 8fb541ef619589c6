using System.Globalization;
using System.Text;
using System.Xml;
using Officina.Excel.Cells;

namespace Officina.Excel.Import;

/// <summary>What a CSV field becomes in a cell.</summary>
public enum CsvFieldKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Date,
    DateTime,
}

/// <summary>
/// Types CSV fields the way the import promises: invariant-culture numbers (<c>-12.5</c>,
/// <c>1e6</c>; no thousands separators, no surrounding spaces) become numbers, except
/// integers with a leading zero such as <c>007</c> or <c>01234</c>, which stay text (codes
/// and zip codes lose their meaning as numbers); ISO 8601 dates become date serials;
/// TRUE/FALSE (any case) become booleans; everything else is text, never a formula.
/// </summary>
public static class CsvFields
{
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static CsvFieldKind Classify(string field, out double number)
    {
        ArgumentNullException.ThrowIfNull(field);
        number = 0;
        if (field.Length == 0)
        {
            return CsvFieldKind.Empty;
        }

        var first = field[0];
        if (char.IsAsciiDigit(first) || first is '-' or '+' or '.')
        {
            if (IsoDates.TryParse(field, out var serial))
            {
                number = serial;
                return IsoDates.HasTime(field) ? CsvFieldKind.DateTime : CsvFieldKind.Date;
            }

            var leadingZero = first == '0' && field.Length > 1 && char.IsAsciiDigit(field[1]);
            if (!leadingZero && double.TryParse(field, NumberStyle, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
            {
                return CsvFieldKind.Number;
            }

            number = 0;
            return CsvFieldKind.Text;
        }

        if (field.Length is 4 or 5 && (field.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || field.Equals("FALSE", StringComparison.OrdinalIgnoreCase)))
        {
            number = field.Length == 4 ? 1 : 0;
            return CsvFieldKind.Boolean;
        }

        return CsvFieldKind.Text;
    }

    /// <summary>
    /// Text XML can carry: characters XML forbids (control characters, lone surrogates) are
    /// written as Excel's <c>_xHHHH_</c> escapes, as Excel itself stores them.
    /// </summary>
    public static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = FirstInvalid(text, 0);
        if (i < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var start = 0;
        while (i >= 0)
        {
            builder.Append(text, start, i - start).Append("_x").Append(((int)text[i]).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            start = i + 1;
            i = FirstInvalid(text, start);
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    private static int FirstInvalid(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var ch = text[i];
            if (XmlConvert.IsXmlChar(ch))
            {
                continue;
            }

            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
