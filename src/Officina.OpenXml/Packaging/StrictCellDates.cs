using System.Globalization;
using System.Xml.Linq;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Strict spreadsheets may store a date as ISO 8601 text in a cell of type <c>d</c>
/// (<c>&lt;c t="d"&gt;&lt;v&gt;1990-01-01&lt;/v&gt;</c>); Transitional readers, Excel 2007 and the
/// hosts' own code expect the date serial number, so each such cell becomes a number in the
/// workbook's date system (1900 or 1904), keeping its style and so its date format. A date the
/// serial numbers cannot hold (before the date system starts) or text that is no date is
/// refused, naming the cell: converting it any other way would change what the cell means.
/// </summary>
internal static class StrictCellDates
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Converts the date cells of one worksheet; returns how many it converted.</summary>
    public static int Convert(XDocument worksheet, string sheet, bool date1904)
    {
        var converted = 0;
        foreach (var cell in worksheet.Descendants(Main + "c").Where(c => (string?)c.Attribute("t") == "d"))
        {
            var value = cell.Element(Main + "v");
            cell.Attribute("t")!.Remove();
            converted++;
            if (value is null || value.Value.Length == 0)
            {
                continue;
            }

            value.Value = Serial(value.Value, date1904)?.ToString("R", CultureInfo.InvariantCulture)
                ?? throw new DocumentRejectedException("strict_date",
                    $"Cell {Quoted(sheet)}!{(string?)cell.Attribute("r")} holds the date '{value.Value}' in the Strict form, which has no equivalent in the default format "
                    + $"(dates must be on or after {(date1904 ? "1904-01-01" : "1900-01-01")} and written as ISO 8601). Change the cell in Excel, save it in the default (transitional) format and try again.");
        }

        return converted;
    }

    private static string Quoted(string sheet) => sheet.All(char.IsLetterOrDigit) ? sheet : $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>The serial number of an ISO 8601 date, date-time or time; null when it is none or falls before the date system.</summary>
    public static double? Serial(string iso, bool date1904)
    {
        var text = iso.Trim();
        if (text.StartsWith('T') || (text.Length >= 3 && text[2] == ':'))
        {
            return TimeSpan.TryParse(text.TrimStart('T').TrimEnd('Z'), CultureInfo.InvariantCulture, out var time) && time >= TimeSpan.Zero && time < TimeSpan.FromDays(1)
                ? time.TotalDays
                : null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return null;
        }

        // The clock time as written: a serial number has no time zone.
        var date = parsed.DateTime;
        if (date1904)
        {
            return date < new DateTime(1904, 1, 1) ? null : (date - new DateTime(1904, 1, 1)).TotalDays;
        }

        if (date < new DateTime(1900, 1, 1))
        {
            return null;
        }

        // Excel counts a 29 February 1900 that never was, so serials from 1 March 1900 on are one higher.
        var days = (date - new DateTime(1899, 12, 31)).TotalDays;
        return date >= new DateTime(1900, 3, 1) ? days + 1 : days;
    }
}
