using System.Text.RegularExpressions;

namespace Officina.Excel.Verification;

/// <summary>
/// Formulas that ask where the file is kept or what machine computes it —
/// <c>CELL("filename")</c> and <c>INFO(…)</c>. Recalculated here they would answer with the
/// server's temporary folders (LibreOffice computes them on its own copy), and that answer
/// would be written into the user's file. Their results are never taken: the input's cached
/// value stays, and the cell is reported as not recalculated.
/// </summary>
internal static partial class ServerEnvironment
{
    public const string Reason = "it asks where the file is kept or what computes it (CELL(\"filename\"), INFO), which here would name the server's folders; the cached value is kept";

    public static IReadOnlyList<FormulaResult> Excuse(IReadOnlyList<FormulaCell> cells, IReadOnlyList<FormulaResult> results)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Select((result, i) => AsksForIt(cells[i].Formula) ? FormulaResult.NotComputed(Reason) : result)];
    }

    public static bool AsksForIt(string formula) => Pattern().IsMatch(formula);

    [GeneratedRegex("""(?<![A-Za-z0-9_.])(?:CELL\s*\(\s*"filename"|INFO\s*\()""", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
