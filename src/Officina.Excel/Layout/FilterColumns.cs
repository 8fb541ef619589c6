using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Operations;
using CellValue = Officina.Operations.CellValue;
using CellValueKind = Officina.Operations.CellValueKind;

namespace Officina.Excel.Layout;

/// <summary>
/// Writes an autofilter's <c>&lt;filterColumn&gt;</c> the way Excel writes each condition, and
/// reads one back as a test on cell values, so that rows are hidden as Excel would hide them.
/// Custom filter values use Excel's wildcards (<c>*</c>, <c>?</c>, <c>~</c> escapes them).
/// </summary>
internal static class FilterColumns
{
    /// <summary>A header (case-insensitive) in the range's first row, or a column letter inside the range.</summary>
    public static int? Find(string column, RangeAddress range, SheetCells sheet)
    {
        var wanted = (column ?? "").Trim();
        if (wanted.Length == 0)
        {
            return null;
        }

        foreach (var (address, cell) in sheet.CellsIn(range with { LastRow = range.FirstRow }))
        {
            if (string.Equals(sheet.ValueOf(cell).ToString().Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return address.Column;
            }
        }

        var index = CellAddress.ColumnIndex(wanted.TrimStart('$'));
        return index >= range.FirstColumn && index <= range.LastColumn ? index : null;
    }

    public static FilterColumn Create(uint columnId, FilterCondition condition, string value, bool percent, IReadOnlyList<CellValue> values)
    {
        var column = new FilterColumn { ColumnId = columnId };
        var number = ValueComparison.Parse(value).Kind == CellValueKind.Number;
        switch (condition)
        {
            case FilterCondition.EqualTo when !number:
                column.AppendChild(new Filters(new Filter { Val = value }));
                break;
            case FilterCondition.Top or FilterCondition.Bottom:
                var n = int.Parse(value, CultureInfo.InvariantCulture);
                var top = condition == FilterCondition.Top;
                column.AppendChild(new Top10
                {
                    Top = top ? null : false,
                    Percent = percent ? true : null,
                    Val = n,
                    FilterValue = Threshold(values, n, top, percent),
                });
                break;
            default:
                var (op, text) = condition switch
                {
                    FilterCondition.EqualTo => ((FilterOperatorValues?)null, value),
                    FilterCondition.NotEquals => (FilterOperatorValues.NotEqual, Escape(value)),
                    FilterCondition.Contains => (null, $"*{Escape(value)}*"),
                    FilterCondition.BeginsWith => (null, $"{Escape(value)}*"),
                    FilterCondition.EndsWith => (null, $"*{Escape(value)}"),
                    FilterCondition.GreaterThan => (FilterOperatorValues.GreaterThan, value),
                    FilterCondition.GreaterThanOrEqual => (FilterOperatorValues.GreaterThanOrEqual, value),
                    FilterCondition.LessThan => (FilterOperatorValues.LessThan, value),
                    _ => (FilterOperatorValues.LessThanOrEqual, value),
                };
                var custom = new CustomFilter { Val = text };
                if (op is { } o)
                {
                    custom.Operator = o;
                }

                column.AppendChild(new CustomFilters(custom));
                break;
        }

        return column;
    }

    /// <summary>Adds <paramref name="column"/> to the filter, replacing one for the same column, in column order.</summary>
    public static void Put(AutoFilter filter, FilterColumn column)
    {
        var columns = filter.Elements<FilterColumn>().Where(f => f.ColumnId?.Value != column.ColumnId!.Value).Append(column)
            .OrderBy(f => f.ColumnId?.Value ?? 0).ToList();
        filter.RemoveAllChildren<FilterColumn>();
        for (var i = columns.Count - 1; i >= 0; i--)
        {
            filter.PrependChild(columns[i]); // filterColumn comes before sortState and extLst
        }
    }

    /// <summary>The test a filter column applies to a cell's value; null for kinds not evaluated here (colors, icons, dynamic dates).</summary>
    public static Func<CellValue, bool>? Test(FilterColumn column)
    {
        if (column.GetFirstChild<Filters>() is { } filters)
        {
            var texts = filters.Elements<Filter>().Select(f => f.Val?.Value ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
            var blank = filters.Blank?.Value == true;
            return filters.Elements<DateGroupItem>().Any() ? null
                : cell => cell.ToString().Length == 0 ? blank : texts.Contains(cell.ToString().Trim());
        }

        if (column.GetFirstChild<CustomFilters>() is { } customs)
        {
            var tests = customs.Elements<CustomFilter>().Select(Custom).ToList();
            var and = customs.And?.Value == true;
            return tests.Count == 0 ? null : cell => and ? tests.All(t => t(cell)) : tests.Any(t => t(cell));
        }

        if (column.GetFirstChild<Top10>() is { FilterValue.Value: { } threshold } top)
        {
            var largest = top.Top?.Value ?? true;
            return cell => ValueComparison.AsNumber(cell) is { } n && (largest ? n >= threshold : n <= threshold);
        }

        return null;
    }

    private static Func<CellValue, bool> Custom(CustomFilter filter)
    {
        var text = filter.Val?.Value ?? "";
        var op = filter.Operator?.Value ?? FilterOperatorValues.Equal;
        var expected = ValueComparison.Parse(text);
        if (op == FilterOperatorValues.Equal || op == FilterOperatorValues.NotEqual)
        {
            var negate = op == FilterOperatorValues.NotEqual;
            if (Wildcard(text) is { } pattern)
            {
                return cell => pattern.IsMatch(cell.ToString()) != negate;
            }

            var literal = ValueComparison.Parse(Unescape(text));
            return cell => ValueComparison.Same(cell, literal) != negate;
        }

        return cell => ValueComparison.Compare(cell, expected) is { } c && (op == FilterOperatorValues.GreaterThan ? c > 0
            : op == FilterOperatorValues.GreaterThanOrEqual ? c >= 0
            : op == FilterOperatorValues.LessThan ? c < 0
            : c <= 0);
    }

    /// <summary>The N-th largest (or smallest) number, the threshold Excel stores as filterVal.</summary>
    private static double Threshold(IReadOnlyList<CellValue> values, int n, bool top, bool percent)
    {
        var numbers = values.Select(ValueComparison.AsNumber).OfType<double>().ToList();
        if (numbers.Count == 0)
        {
            return 0;
        }

        numbers.Sort();
        if (top)
        {
            numbers.Reverse();
        }

        var count = percent ? Math.Max(1, (int)Math.Floor(numbers.Count * n / 100.0)) : n;
        return numbers[Math.Min(count, numbers.Count) - 1];
    }

    private static string Escape(string value) =>
        value.Replace("~", "~~", StringComparison.Ordinal).Replace("*", "~*", StringComparison.Ordinal).Replace("?", "~?", StringComparison.Ordinal);

    private static string Unescape(string value) =>
        value.Replace("~*", "*", StringComparison.Ordinal).Replace("~?", "?", StringComparison.Ordinal).Replace("~~", "~", StringComparison.Ordinal);

    /// <summary>A regular expression for a value with unescaped wildcards, or null when it has none.</summary>
    private static Regex? Wildcard(string value)
    {
        var pattern = new StringBuilder("^");
        var wild = false;
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '~' && i + 1 < value.Length)
            {
                pattern.Append(Regex.Escape(value[++i].ToString()));
            }
            else if (ch is '*' or '?')
            {
                pattern.Append(ch == '*' ? ".*" : ".");
                wild = true;
            }
            else
            {
                pattern.Append(Regex.Escape(ch.ToString()));
            }
        }

        return wild ? new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, ValueComparison.RegexTimeout) : null;
    }
}
