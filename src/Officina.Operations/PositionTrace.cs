namespace Officina.Operations;

/// <summary>
/// Items addressed by 1-based position (slides) through a plan: every insert, delete and move
/// is recorded, and an operation addressing position <c>p</c> depends on each earlier one
/// without which <c>p</c> would name another item — the one that made the item, and every one
/// that shifted it there (unticking <c>delete_slide 1</c> while keeping <c>set_text</c> on slide 1
/// would write to the slide that was to be deleted). The deck's length is not known here, so
/// the replay models the original items as far as the plan reaches; an insert whose position is
/// unknown (an append without a preview record) is needed by every later addressing operation.
/// </summary>
internal sealed class PositionTrace
{
    private readonly List<Move> _moves = [];
    private readonly List<int> _unplaced = [];
    private int _reach;

    public void Insert(int op, int? position)
    {
        if (position is not { } at || at < 1)
        {
            _unplaced.Add(op);
            return;
        }

        Record(new Move(op, null, at));
    }

    public void Remove(int op, int position) => Record(new Move(op, position, null));

    public void Relocate(int op, int from, int to) => Record(new Move(op, from, to));

    /// <summary>The earlier operations that position <paramref name="position"/> depends on, before operation <paramref name="op"/> runs.</summary>
    public IEnumerable<int> Needed(int op, int position)
    {
        _reach = Math.Max(_reach, position);
        var actual = ItemAt(position, skip: -1);
        foreach (var other in _moves.Select(m => m.Op).Where(o => o != op).Distinct())
        {
            if (ItemAt(position, skip: other) != actual)
            {
                yield return other;
            }
        }

        foreach (var other in _unplaced.Where(o => o != op))
        {
            yield return other;
        }
    }

    private void Record(Move move)
    {
        _reach = Math.Max(_reach, Math.Max(move.From ?? 0, move.To ?? 0));
        _moves.Add(move);
    }

    /// <summary>What sits at <paramref name="position"/> after the recorded moves, leaving out those of operation <paramref name="skip"/>: an original item (negative) or the operation that made it.</summary>
    private int? ItemAt(int position, int skip)
    {
        var items = Enumerable.Range(1, _reach + _moves.Count + 1).Select(i => -i).ToList();
        foreach (var move in _moves.Where(m => m.Op != skip))
        {
            int? carried = move.Op;
            if (move.From is { } from)
            {
                if (from > items.Count)
                {
                    continue;
                }

                carried = items[from - 1];
                items.RemoveAt(from - 1);
            }

            if (move.To is { } to && carried is { } item)
            {
                items.Insert(Math.Min(to, items.Count + 1) - 1, item);
            }
        }

        return position <= items.Count ? items[position - 1] : null;
    }

    /// <summary>One recorded change of order: an insert (no From), a delete (no To) or a move.</summary>
    private readonly record struct Move(int Op, int? From, int? To);
}
