using System.Globalization;
using System.Text;
using Officina.Excel.Addressing;

namespace Officina.Excel.Formulas;

/// <summary>One end of an A1 reference: a row, a column, or both, each possibly absolute (<c>$</c>).</summary>
public readonly record struct ReferencePoint(int? Row, bool RowAbsolute, int? Column, bool ColumnAbsolute)
{
    public override string ToString()
    {
        var builder = new StringBuilder();
        if (Column is { } column)
        {
            builder.Append(ColumnAbsolute ? "$" : "").Append(CellAddress.ColumnName(column));
        }

        if (Row is { } row)
        {
            builder.Append(RowAbsolute ? "$" : "").Append(row.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

/// <summary>
/// An A1 reference found in a formula: where it is, its sheet (if written) and its two ends.
/// A 3-D reference (<c>Jan:Mar!B2</c>) spans the sheets from <see cref="Sheet"/> to
/// <see cref="LastSheet"/> in tab order.
/// </summary>
public sealed record FormulaReference(int Start, int Length, string? Sheet, ReferencePoint First, ReferencePoint? Last, string? LastSheet = null)
{
    public string Render(ReferencePoint first, ReferencePoint? last) =>
        (Sheet is null ? "" : SheetPrefix(Sheet, LastSheet) + "!") + first + (last is { } l ? ":" + l : "");

    /// <summary>The sheets this reference reads, in tab order; unqualified references read <paramref name="formulaSheet"/>.</summary>
    public IEnumerable<string> Sheets(string formulaSheet, IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (LastSheet is null)
        {
            return [Sheet ?? formulaSheet];
        }

        var (from, to) = (IndexOf(order, Sheet!), IndexOf(order, LastSheet));
        return from < 0 || to < 0 ? [Sheet!, LastSheet] : order.Skip(Math.Min(from, to)).Take(Math.Abs(to - from) + 1);
    }

    internal static int IndexOf(IReadOnlyList<string> order, string sheet)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], sheet, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string SheetPrefix(string sheet, string? lastSheet)
    {
        if (lastSheet is null)
        {
            return RangeAddress.QuoteSheet(sheet);
        }

        var (a, b) = (RangeAddress.QuoteSheet(sheet), RangeAddress.QuoteSheet(lastSheet));
        return a == sheet && b == lastSheet
            ? $"{sheet}:{lastSheet}"
            : $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}:{lastSheet.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}
