using System.Text;

namespace Officina.Excel.Addressing;

/// <summary>
/// A rectangular range, optionally on a named sheet: <c>'My Sheet'!A1:C10</c>, <c>Data!B2</c>,
/// <c>A:C</c> (whole columns) or <c>2:5</c> (whole rows). Rows and columns are 1-based and inclusive.
/// </summary>
public sealed record RangeAddress(string? Sheet, int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public int RowCount => LastRow - FirstRow + 1;

    public int ColumnCount => LastColumn - FirstColumn + 1;

    public long CellCount => (long)RowCount * ColumnCount;

    public CellAddress TopLeft => new(FirstRow, FirstColumn);

    public bool IsSingleCell => FirstRow == LastRow && FirstColumn == LastColumn;

    /// <summary>The range without its sheet, e.g. <c>A1:C10</c>.</summary>
    public string Reference => IsSingleCell
        ? TopLeft.A1
        : $"{new CellAddress(FirstRow, FirstColumn).A1}:{new CellAddress(LastRow, LastColumn).A1}";

    public override string ToString() => Sheet is null ? Reference : $"{QuoteSheet(Sheet)}!{Reference}";

    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    public bool Intersects(RangeAddress other) =>
        FirstRow <= other.LastRow && other.FirstRow <= LastRow && FirstColumn <= other.LastColumn && other.FirstColumn <= LastColumn;

    public RangeAddress WithSheet(string? sheet) => this with { Sheet = sheet };

    /// <summary>Every cell, row by row.</summary>
    public IEnumerable<CellAddress> Cells()
    {
        for (var r = FirstRow; r <= LastRow; r++)
        {
            for (var c = FirstColumn; c <= LastColumn; c++)
            {
                yield return new CellAddress(r, c);
            }
        }
    }

    public static bool TryParse(string? text, out RangeAddress range, out string error)
    {
        range = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A range looks like Sheet1!A1:C10. Given: an empty string.";
            return false;
        }

        text = text.Trim();
        string? sheet = null;
        var reference = text;
        var bang = text.LastIndexOf('!');
        if (bang >= 0)
        {
            var sheetPart = text[..bang];
            reference = text[(bang + 1)..];
            if (sheetPart.Length >= 2 && sheetPart[0] == '\'' && sheetPart[^1] == '\'')
            {
                sheet = sheetPart[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }
            else if (sheetPart.Length > 0 && !sheetPart.Contains('\'', StringComparison.Ordinal))
            {
                sheet = sheetPart;
            }

            if (string.IsNullOrEmpty(sheet))
            {
                error = $"A sheet name before '!' must be plain or in single quotes ('My Sheet'!A1). Given: '{text}'.";
                return false;
            }
        }

        var parts = reference.Split(':');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            error = $"A range looks like A1:C10, A:C or 2:5. Given: '{text}'.";
            return false;
        }

        var a = parts[0];
        var b = parts.Length == 2 ? parts[1] : parts[0];
        if (CellAddress.TryParse(a, out var first) && CellAddress.TryParse(b, out var last))
        {
            range = new RangeAddress(sheet, Math.Min(first.Row, last.Row), Math.Min(first.Column, last.Column),
                Math.Max(first.Row, last.Row), Math.Max(first.Column, last.Column));
            error = "";
            return true;
        }

        if (parts.Length == 2)
        {
            var c1 = CellAddress.ColumnIndex(a.TrimStart('$'));
            var c2 = CellAddress.ColumnIndex(b.TrimStart('$'));
            if (c1 > 0 && c2 > 0)
            {
                range = new RangeAddress(sheet, 1, Math.Min(c1, c2), CellAddress.MaxRow, Math.Max(c1, c2));
                error = "";
                return true;
            }

            if (int.TryParse(a.TrimStart('$'), out var r1) && int.TryParse(b.TrimStart('$'), out var r2)
                && r1 is >= 1 and <= CellAddress.MaxRow && r2 is >= 1 and <= CellAddress.MaxRow)
            {
                range = new RangeAddress(sheet, Math.Min(r1, r2), 1, Math.Max(r1, r2), CellAddress.MaxColumn);
                error = "";
                return true;
            }
        }

        error = $"A range looks like Sheet1!A1:C10 (columns A to XFD, rows 1 to 1048576). Given: '{text}'.";
        return false;
    }

    public static RangeAddress Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    /// <summary>Quotes a sheet name for a reference when Excel would: <c>'My Sheet'</c>, <c>'2024'</c>.</summary>
    public static string QuoteSheet(string sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var plain = sheet.Length > 0 && (char.IsLetter(sheet[0]) || sheet[0] == '_')
            && sheet.All(c => char.IsLetterOrDigit(c) || c is '_' or '.')
            && !LooksLikeReference(sheet);
        if (plain)
        {
            return sheet;
        }

        var builder = new StringBuilder(sheet.Length + 2).Append('\'');
        builder.Append(sheet.Replace("'", "''", StringComparison.Ordinal));
        return builder.Append('\'').ToString();
    }

    private static bool LooksLikeReference(string name) =>
        CellAddress.TryParse(name, out _) || name.Equals("TRUE", StringComparison.OrdinalIgnoreCase)
        || name.Equals("FALSE", StringComparison.OrdinalIgnoreCase)
        || (name.Length > 1 && (name[0] is 'R' or 'r' or 'C' or 'c') && name[1..].All(char.IsAsciiDigit));
}
