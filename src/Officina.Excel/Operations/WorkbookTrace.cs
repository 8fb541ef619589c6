using System.Text.RegularExpressions;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// How workbook operations declare what they address to a <see cref="PlanTrace"/>: the sheet a
/// range names (<c>'Forecast'!A1:B2</c>), and the sheets, defined names and tables a formula
/// refers to. Sheets are kind <see cref="Sheet"/>; defined names and tables share kind
/// <see cref="Name"/>, as they share one namespace in Excel.
/// </summary>
public static partial class WorkbookTrace
{
    public const string Sheet = "sheet";
    public const string Name = "name";

    /// <summary>The sheet <paramref name="range"/> names, if it names one; ranges without a sheet address none the plan creates.</summary>
    public static void AddressesRange(this PlanTrace trace, string? range)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (RangeAddress.TryParse(range, out var parsed, out _) && parsed.Sheet is { } sheet)
        {
            trace.Addresses(Sheet, sheet, range!.Trim());
        }
    }

    /// <summary>A sheet by name (null: the only sheet, which the plan did not create).</summary>
    public static void AddressesSheet(this PlanTrace trace, string? sheet)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.Addresses(Sheet, sheet, $"'{sheet}'");
    }

    /// <summary>
    /// The sheets and names a formula (or a range written as text) refers to. A value that is not
    /// a formula (no leading '=') is read as a range. Name candidates are the identifiers outside
    /// string literals; only those an earlier operation created count.
    /// </summary>
    public static void AddressesFormula(this PlanTrace trace, string? formula)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (string.IsNullOrWhiteSpace(formula))
        {
            return;
        }

        var text = formula.Trim();
        if (!text.StartsWith('='))
        {
            trace.AddressesRange(text);
            trace.Addresses(Name, text, text);
            return;
        }

        foreach (var reference in FormulaReferences.Find(text))
        {
            trace.Addresses(Sheet, reference.Sheet, text);
            trace.Addresses(Sheet, reference.LastSheet, text);
        }

        foreach (Match identifier in Identifier().Matches(StringLiteral().Replace(text, "\"\"")))
        {
            trace.Addresses(Name, identifier.Value, text);
        }
    }

    [GeneratedRegex(@"""(?:[^""]|"""")*""", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.\\$'!])(?>[A-Za-z_\\][A-Za-z0-9_.\\]*)(?!\s*\()", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
