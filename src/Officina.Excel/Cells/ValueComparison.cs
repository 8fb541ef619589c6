using System.Globalization;
using System.Text.RegularExpressions;
using Officina.Operations;

namespace Officina.Excel.Cells;

/// <summary>
/// How the row operations (remove_rows_where, set_autofilter) compare a cell's shown value
/// (the cached value of a formula) with a value from the plan: text case-insensitively,
/// numbers as numbers, and text that reads as a number (<c>"1500"</c>) as that number.
/// </summary>
internal static class ValueComparison
{
    /// <summary>How long one regular expression may take on one cell before the operation gives up.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>A plan's value as a cell would hold it: a number when the text reads as one.</summary>
    public static CellValue Parse(string? value) => value is null or "" ? CellValue.Empty
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? CellValue.FromNumber(number)
        : CellValue.FromText(value);

    public static bool Same(CellValue cell, CellValue expected) =>
        expected.Kind == CellValueKind.Number && cell.Kind == CellValueKind.Number
            ? cell.Number == expected.Number
            : string.Equals(cell.ToString().Trim(), expected.ToString().Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool Contains(CellValue cell, string part) => cell.ToString().Contains(part, StringComparison.OrdinalIgnoreCase);

    public static bool BeginsWith(CellValue cell, string part) => cell.ToString().StartsWith(part, StringComparison.OrdinalIgnoreCase);

    public static bool EndsWith(CellValue cell, string part) => cell.ToString().EndsWith(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>Numbers compare as numbers, text as text; a blank or mismatched cell does not compare (null).</summary>
    public static int? Compare(CellValue cell, CellValue expected)
    {
        if (expected.Kind == CellValueKind.Number)
        {
            if (cell.Kind == CellValueKind.Number)
            {
                return cell.Number.CompareTo(expected.Number);
            }

            return cell.Kind == CellValueKind.Text && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed.CompareTo(expected.Number) : null;
        }

        return cell.Kind == CellValueKind.Text ? string.Compare(cell.Text, expected.ToString(), StringComparison.OrdinalIgnoreCase) : null;
    }

    /// <summary>The cell as a number, when it is one or is text that reads as one.</summary>
    public static double? AsNumber(CellValue cell) =>
        cell.Kind == CellValueKind.Number ? cell.Number
        : cell.Kind == CellValueKind.Text && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed
        : null;

    /// <summary>A case-insensitive pattern with <see cref="RegexTimeout"/>, or the reason it does not compile.</summary>
    public static Regex? Pattern(string? pattern, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(pattern))
        {
            problem = "The pattern is empty.";
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return null;
        }
    }
}
