using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Cells;

namespace Officina.Benchmarks;

/// <summary>The benchmark's CSV: 10 columns of numbers, text, dates and booleans, the same for a given row number on every run.</summary>
internal static class BenchmarkData
{
    public static readonly string[] Header = ["id", "customer", "city", "order_date", "amount", "quantity", "ratio", "paid", "note", "updated"];

    private static readonly string[] Cities = ["Lisbon", "Porto", "Zürich", "São Paulo", "New York", "Kraków", "Osaka", "Cape Town"];

    public static void WriteCsv(int rows, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(string.Join(',', Header));
        writer.Write('\n');
        for (var i = 1; i <= rows; i++)
        {
            var row = Row(i);
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                var field = row[c];
                writer.Write(field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
            }

            writer.Write('\n');
        }
    }

    /// <summary>Data row <paramref name="i"/> (1-based), derived from a seeded generator per row so any row can be recomputed.</summary>
    public static string[] Row(int i)
    {
        var random = new Random(unchecked((i * 7919) + 42));
        var date = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(0, 2000));
        var updated = date.AddMinutes(random.Next(0, 24 * 60));
        return
        [
            i.ToString(CultureInfo.InvariantCulture),
            $"Customer {random.Next(1, 50_000)}",
            Cities[random.Next(Cities.Length)],
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (random.Next(0, 10_000_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture),
            random.Next(1, 500).ToString(CultureInfo.InvariantCulture),
            random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
            random.Next(2) == 0 ? "TRUE" : "FALSE",
            random.Next(4) == 0 ? $"rush, \"priority\" {random.Next(100)}" : $"standard {random.Next(100)}",
            updated.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>Whether a saved cell holds what the CSV field promised: its number, date serial (with a style), boolean or text.</summary>
    public static bool Matches(string field, string actual, CellValues? type, bool styled)
    {
        if (IsoDates.TryParse(field, out var serial))
        {
            return styled && double.TryParse(actual, CultureInfo.InvariantCulture, out var d) && Math.Abs(d - serial) < 1e-6;
        }

        if (field is "TRUE" or "FALSE")
        {
            return type == CellValues.Boolean && actual == (field == "TRUE" ? "1" : "0");
        }

        if (type is null && double.TryParse(field, CultureInfo.InvariantCulture, out var expected))
        {
            return double.TryParse(actual, CultureInfo.InvariantCulture, out var n) && n == expected;
        }

        return actual == field;
    }
}
