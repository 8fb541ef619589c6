namespace Officina.Excel.Addressing;

/// <summary>Removes one rectangle from another, for space-separated <c>sqref</c> lists that must not overlap a new rule.</summary>
public static class RangeSubtraction
{
    /// <summary>The parts of <paramref name="range"/> outside <paramref name="cut"/>: up to four rectangles, none when it is covered.</summary>
    public static IEnumerable<RangeAddress> Subtract(RangeAddress range, RangeAddress cut)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(cut);
        if (!range.Intersects(cut))
        {
            yield return range;
            yield break;
        }

        if (range.FirstRow < cut.FirstRow)
        {
            yield return range with { LastRow = cut.FirstRow - 1 };
        }

        if (range.LastRow > cut.LastRow)
        {
            yield return range with { FirstRow = cut.LastRow + 1 };
        }

        var top = Math.Max(range.FirstRow, cut.FirstRow);
        var bottom = Math.Min(range.LastRow, cut.LastRow);
        if (range.FirstColumn < cut.FirstColumn)
        {
            yield return range with { FirstRow = top, LastRow = bottom, LastColumn = cut.FirstColumn - 1 };
        }

        if (range.LastColumn > cut.LastColumn)
        {
            yield return range with { FirstRow = top, LastRow = bottom, FirstColumn = cut.LastColumn + 1 };
        }
    }
}
