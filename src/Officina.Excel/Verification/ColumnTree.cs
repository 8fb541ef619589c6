namespace Officina.Excel.Verification;

/// <summary>
/// Part of <see cref="FormulaGraph"/>: a segment tree over one column's formula cells in row
/// order, so that a range reference costs O(log n) edges. Its inner node <c>k</c>
/// (1 to <c>size-1</c>, children <c>2k</c> and <c>2k+1</c>; leaves from <c>size</c> on are the
/// formula cells) is graph node <c>first + k - 1</c>.
/// </summary>
internal sealed class ColumnTree(int[] rows, int[] formulas, int first)
{
    private readonly int _size = rows.Length <= 1 ? 1 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)rows.Length);

    /// <summary>Adds the inner nodes' edges to their children; returns how many nodes the tree used.</summary>
    public int AddTreeEdges(List<int> from, List<int> to)
    {
        for (var k = 1; k < _size; k++)
        {
            foreach (var child in (ReadOnlySpan<int>)[2 * k, (2 * k) + 1])
            {
                if (Node(child) is var node and >= 0)
                {
                    from.Add(first + k - 1);
                    to.Add(node);
                }
            }
        }

        return _size - 1;
    }

    /// <summary>Adds the nodes that together cover exactly the formula cells in rows <paramref name="firstRow"/> to <paramref name="lastRow"/>.</summary>
    public void Cover(int firstRow, int lastRow, List<int> found)
    {
        var lo = LowerBound(rows, firstRow);
        var hi = LowerBound(rows, lastRow + 1);
        if (hi - lo == 1)
        {
            found.Add(formulas[lo]);
            return;
        }

        for (int l = lo + _size, r = hi + _size; l < r; l >>= 1, r >>= 1)
        {
            if ((l & 1) == 1)
            {
                found.Add(Node(l++));
            }

            if ((r & 1) == 1)
            {
                found.Add(Node(--r));
            }
        }
    }

    private int Node(int k) => k >= _size ? (k - _size < formulas.Length ? formulas[k - _size] : -1) : first + k - 1;

    /// <summary>The first index whose value is at least <paramref name="value"/>.</summary>
    public static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
