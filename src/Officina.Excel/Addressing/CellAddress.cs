using System.Globalization;

namespace Officina.Excel.Addressing;

/// <summary>A single cell by 1-based row and column.</summary>
public readonly record struct CellAddress(int Row, int Column)
{
    public const int MaxRow = 1_048_576;
    public const int MaxColumn = 16_384;

    public string A1 => ColumnName(Column) + Row.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => A1;

    /// <summary>Column letters for a 1-based index: 1 → A, 27 → AA, 16384 → XFD.</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, MaxColumn);
        Span<char> buffer = stackalloc char[3];
        var i = 3;
        while (column > 0)
        {
            var remainder = (column - 1) % 26;
            buffer[--i] = (char)('A' + remainder);
            column = (column - 1) / 26;
        }

        return new string(buffer[i..]);
    }

    /// <summary>The 1-based index of column letters, or 0 when they are not a column name within XFD.</summary>
    public static int ColumnIndex(ReadOnlySpan<char> letters)
    {
        if (letters.Length is 0 or > 3)
        {
            return 0;
        }

        var index = 0;
        foreach (var c in letters)
        {
            if (!char.IsAsciiLetter(c))
            {
                return 0;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index <= MaxColumn ? index : 0;
    }

    /// <summary>Parses <c>B12</c> or <c>$B$12</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CellAddress address)
    {
        address = default;
        text = text.Trim();
        var i = 0;
        if (i < text.Length && text[i] == '$')
        {
            i++;
        }

        var letterStart = i;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        var column = ColumnIndex(text[letterStart..i]);
        if (i < text.Length && text[i] == '$')
        {
            i++;
        }

        if (column == 0 || i == text.Length || text[i] == '0'
            || !int.TryParse(text[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row > MaxRow)
        {
            return false;
        }

        address = new CellAddress(row, column);
        return true;
    }

    public static CellAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"A cell address looks like B12. Given: '{text}'.");
}
