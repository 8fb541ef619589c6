namespace Officina.Operations;

/// <summary>
/// The ledger <see cref="PlanDependencies"/> hands each operation of a plan, in order, through
/// <see cref="Operation.Declare"/>: the operation says what it creates (a sheet, a name, a slide,
/// a paragraph) and what it addresses, and the ledger records which earlier operation made each
/// thing addressed. Things are named by a kind (<c>sheet</c>, <c>slide</c>…) and either a key
/// (names, ids; compared case-insensitively) or a 1-based position that later inserts, deletes
/// and moves shift.
/// </summary>
public sealed class PlanTrace
{
    private readonly Dictionary<(string Kind, string Key), int> _named = new(KeyComparer.Instance);
    private readonly Dictionary<(string Kind, string Key), int> _freed = new(KeyComparer.Instance);
    private readonly Dictionary<string, PositionTrace> _positions = new(StringComparer.Ordinal);
    private SortedSet<int> _needs = [];

    /// <summary>The index of the operation declaring now.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>The <c>op</c> of the operation declaring now.</summary>
    public string Op { get; private set; } = "";

    /// <summary>
    /// What the operation changed when the plan was previewed (its change record), or null when
    /// unknown. Operations whose effect is known only once applied (a new paragraph's id, the
    /// position an appended slide landed at) read it from here.
    /// </summary>
    public Change? Change { get; private set; }

    /// <summary>A short description of the declaring operation, e.g. <c>set_values on Forecast!A1:B2</c>; set by its first declaration.</summary>
    internal string? Label { get; private set; }

    /// <summary>
    /// The operation makes <paramref name="key"/>: later operations addressing it depend on this
    /// one, and this one depends on an earlier operation that freed the name.
    /// </summary>
    public void Creates(string kind, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        Label ??= $"{Op} '{key.Trim()}'";

        // A name an earlier operation freed (deleted, renamed away) can be taken only after it.
        if (_freed.Remove((kind, key.Trim()), out var freer) && freer != Index)
        {
            _needs.Add(freer);
        }

        _named[(kind, key.Trim())] = Index;
    }

    /// <summary>The operation needs <paramref name="key"/>; <paramref name="display"/> says how the plan wrote the address (a range, a cell).</summary>
    public void Addresses(string kind, string? key, string? display = null)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        Label ??= $"{Op} on {display ?? $"{kind} '{key.Trim()}'"}";
        if (_named.TryGetValue((kind, key.Trim()), out var creator) && creator != Index)
        {
            _needs.Add(creator);
        }
    }

    /// <summary>
    /// The operation needs <paramref name="key"/> and removes it: later operations naming it do not
    /// depend on its maker, and one that creates it again depends on this one.
    /// </summary>
    public void Removes(string kind, string? key)
    {
        Label ??= $"{Op} '{key?.Trim()}'";
        Addresses(kind, key);
        if (!string.IsNullOrWhiteSpace(key))
        {
            _named.Remove((kind, key.Trim()));
            _freed[(kind, key.Trim())] = Index;
        }
    }

    /// <summary>The operation needs <paramref name="from"/> and gives it the name <paramref name="to"/>, which later operations then depend on this one for.</summary>
    public void Renames(string kind, string? from, string? to)
    {
        Label ??= $"{Op} '{from?.Trim()}' to '{to?.Trim()}'";
        Removes(kind, from);
        Creates(kind, to);
    }

    /// <summary>
    /// The operation inserts a new item at 1-based <paramref name="position"/>, shifting the items
    /// from there on by one; null when the position cannot be known (an append to a list of
    /// unknown length): every later operation addressing an item by position then depends on
    /// this one, since it cannot be told apart.
    /// </summary>
    public void InsertsAt(string kind, int? position)
    {
        Label ??= position is { } p ? $"{Op} at {kind} {p}" : $"{Op} ({kind} appended)";
        PositionsOf(kind).Insert(Index, position);
    }

    /// <summary>
    /// The operation needs the item at 1-based <paramref name="position"/> (as the document is when
    /// it runs): it depends on the operation that made the item and on those that moved it there.
    /// </summary>
    public void AddressesAt(string kind, int? position)
    {
        if (position is not { } at || at < 1)
        {
            return;
        }

        Label ??= $"{Op} on {kind} {at}";
        foreach (var needed in PositionsOf(kind).Needed(Index, at))
        {
            _needs.Add(needed);
        }
    }

    /// <summary>The operation needs and removes the item at <paramref name="position"/>; the items after it move up by one.</summary>
    public void RemovesAt(string kind, int position)
    {
        Label ??= $"{Op} on {kind} {position}";
        AddressesAt(kind, position);
        if (position >= 1)
        {
            PositionsOf(kind).Remove(Index, position);
        }
    }

    /// <summary>The operation moves the item at <paramref name="from"/> to <paramref name="to"/> (1-based, counted after the move), shifting the items between.</summary>
    public void MovesAt(string kind, int from, int to)
    {
        Label ??= $"{Op} from {kind} {from} to {to}";
        AddressesAt(kind, from);
        if (from >= 1 && to >= 1)
        {
            PositionsOf(kind).Relocate(Index, from, to);
        }
    }

    /// <summary>Starts the declarations of operation <paramref name="index"/>.</summary>
    internal void Begin(int index, string op, Change? change)
    {
        (Index, Op, Change, Label) = (index, op, change, null);
        _needs = [];
    }

    /// <summary>The earlier operations the declaring operation depends on, in plan order.</summary>
    internal IReadOnlyList<int> Needs => [.. _needs];

    private PositionTrace PositionsOf(string kind) => _positions.TryGetValue(kind, out var trace) ? trace : _positions[kind] = new PositionTrace();

    private sealed class KeyComparer : IEqualityComparer<(string Kind, string Key)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((string Kind, string Key) x, (string Kind, string Key) y) =>
            string.Equals(x.Kind, y.Kind, StringComparison.Ordinal) && string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Kind, string Key) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Kind), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Key));
    }
}
