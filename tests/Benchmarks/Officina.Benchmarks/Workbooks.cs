using Officina.Excel;
using Officina.Excel.Operations;
using Officina.Operations;

namespace Officina.Benchmarks;

/// <summary>The second benchmark's plan: 50 operations over the generated multi-sheet workbook.</summary>
internal static class Workbooks
{
    /// <summary>
    /// 5 add_sheet, 20 set_values, 15 set_formulas, 5 read_range, 5 list_sheets. Writes land
    /// on new sheets, on the small Summary sheet and on the large Sales sheet (so its part is
    /// loaded and rewritten, the expensive case).
    /// </summary>
    public static Plan FiftyOperationPlan(WorkbookSession book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var operations = new List<Operation>();
        for (var s = 1; s <= 5; s++)
        {
            operations.Add(new AddSheet($"Forecast{s}"));
        }

        for (var s = 1; s <= 5; s++)
        {
            operations.Add(new SetValues($"Forecast{s}!A1", Block(20, 6, s)));
            operations.Add(new SetValues($"Forecast{s}!H1", [["Year", "Growth"], [2026, 0.08], [2027, 0.07]]));
            operations.Add(new SetFormulas($"Forecast{s}!G2:G20", "=SUM(B2:F2)*(1+$I$2)"));
            operations.Add(new SetFormulas($"Forecast{s}!J1", "=SUM(Sales!E2:E1000)"));
        }

        for (var i = 0; i < 5; i++)
        {
            operations.Add(new SetValues($"Summary!E{2 + (i * 3)}", [[$"Note {i}", i * 10.5, "2026-03-01"]]));
            operations.Add(new SetValues($"Sales!L{2 + (i * 200)}", Block(100, 2, i)));
            operations.Add(new SetFormulas($"Sales!N{2 + (i * 200)}:N{101 + (i * 200)}", $"=E{2 + (i * 200)}*1.1"));
            operations.Add(new ReadRange($"Sales!A{1 + (i * 1000)}:J{50 + (i * 1000)}"));
            operations.Add(new ListSheets());
        }

        if (operations.Count != 50)
        {
            throw new InvalidOperationException($"The plan has {operations.Count} operations, not 50.");
        }

        return Plan.For(DocumentHost.Excel, operations);
    }

    private static CellValue[][] Block(int rows, int columns, int seed) =>
        [.. Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => c == 0
            ? CellValue.FromText($"Line {seed}-{r}")
            : CellValue.FromNumber(Math.Round((r * 13.7) + (c * 2.1) + seed, 2))).ToArray())];

}
