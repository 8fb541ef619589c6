using System.Globalization;

namespace Officina.Excel.Cells;

/// <summary>
/// ISO 8601 dates in plan values (<c>2026-01-31</c>, <c>2026-01-31T09:30</c>) become Excel
/// date serials, as Excel itself does when such a date is typed into a cell.
/// </summary>
public static class IsoDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public static bool TryParse(string text, out double serial)
    {
        serial = 0;
        if (text.Length is < 10 or > 19 || text[4] != '-' || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900)
        {
            return false;
        }

        serial = ToSerial(date);
        return true;
    }

    public static bool HasTime(string text) => text.Length > 10;

    public static double ToSerial(DateTime date) => (date - Epoch).TotalDays;

    public static DateTime FromSerial(double serial) => Epoch.AddDays(serial);
}
