using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;

namespace Officina.Excel.Verification;

/// <summary>
/// Which formula cells read which, for a whole workbook, built without recursion in time
/// close to linear in the formulas and their references — so a 20,000-cell chain, or one that
/// closes on itself, costs what 20,000 independent formulas cost.
/// <para>
/// Nodes are the formula cells (<c>0..Formulas.Count-1</c>, in <see cref="FormulaCells"/>' order)
/// and, per column of formula cells on a sheet, the inner nodes of a segment tree over that
/// column's formula cells in row order. A reference to one cell is an edge to that formula cell;
/// a range (<c>SUM(A1:A20000)</c>, <c>A:A</c>) is an edge to the few tree nodes that cover
/// exactly the formula cells inside it, each column apart, and tree nodes have edges to their
/// children. A path from formula F to formula G therefore exists exactly when F reads G,
/// directly or through other formulas, while a range costs O(log n) edges instead of one per
/// cell it covers. Edges point from a formula to what it reads.
/// </para>
/// <para>
/// Strongly connected components (Tarjan's algorithm with an explicit stack) give both the
/// circular references — the formula cells of a component with more than one node, or a
/// formula that reads its own cell — and an evaluation order in which every formula comes after
/// every formula it reads. References that cannot be known from a formula's text (INDIRECT,
/// OFFSET, unknown names; <see cref="Precedents.Complete"/>) add no edges.
/// </para>
/// </summary>
internal sealed class FormulaGraph
{
    private readonly int[] _start;
    private readonly int[] _targets;
    private readonly Dictionary<(int Sheet, int Row, int Column), int> _cells;
    private readonly Dictionary<string, int> _sheets;
    private int[]? _readerStart;
    private int[]? _readers;

    private FormulaGraph(
        IReadOnlyList<(FormulaCell Formula, Cell Cell)> formulas, Precedents[] precedents, int[] start, int[] targets,
        Dictionary<(int, int, int), int> cells, Dictionary<string, int> sheets, bool[] selfReading)
    {
        Formulas = formulas;
        Precedents = precedents;
        _start = start;
        _targets = targets;
        _cells = cells;
        _sheets = sheets;
        (Circular, Cycles, Order) = Components(formulas.Count, start, targets, selfReading);
    }

    public IReadOnlyList<(FormulaCell Formula, Cell Cell)> Formulas { get; }

    /// <summary>What each formula reads, by formula index.</summary>
    public IReadOnlyList<Precedents> Precedents { get; }

    /// <summary>Whether each formula is part of a circular reference.</summary>
    public IReadOnlyList<bool> Circular { get; }

    /// <summary>The circular references: each one's formula indexes, in sheet, row and column order.</summary>
    public IReadOnlyList<int[]> Cycles { get; }

    /// <summary>The formulas not in a circular reference, each after every formula it reads.</summary>
    public IReadOnlyList<int> Order { get; }

    public static FormulaGraph Build(WorkbookSession session, IReadOnlyList<(FormulaCell Formula, Cell Cell)> formulas)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(formulas);
        var reader = FormulaPrecedents.For(session);
        var n = formulas.Count;
        var sheets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var cells = new Dictionary<(int, int, int), int>();
        var columns = new List<Dictionary<int, List<(int Row, int Index)>>>();
        for (var i = 0; i < n; i++)
        {
            var formula = formulas[i].Formula;
            if (!sheets.TryGetValue(formula.Sheet, out var sheet))
            {
                sheet = sheets[formula.Sheet] = columns.Count;
                columns.Add([]);
            }

            if (cells.TryAdd((sheet, formula.Address.Row, formula.Address.Column), i))
            {
                var byColumn = columns[sheet];
                if (!byColumn.TryGetValue(formula.Address.Column, out var list))
                {
                    byColumn[formula.Address.Column] = list = [];
                }

                list.Add((formula.Address.Row, i));
            }
        }

        var from = new List<int>(n * 2);
        var to = new List<int>(n * 2);
        var next = n;
        var trees = new List<(int[] Columns, ColumnTree[] Trees)>(columns.Count);
        foreach (var byColumn in columns)
        {
            var keys = byColumn.Keys.Order().ToArray();
            var sheetTrees = new ColumnTree[keys.Length];
            for (var c = 0; c < keys.Length; c++)
            {
                var list = byColumn[keys[c]];
                list.Sort((a, b) => a.Row.CompareTo(b.Row));
                sheetTrees[c] = new ColumnTree([.. list.Select(x => x.Row)], [.. list.Select(x => x.Index)], next);
                next += sheetTrees[c].AddTreeEdges(from, to);
            }

            trees.Add((keys, sheetTrees));
        }

        var precedents = new Precedents[n];
        var selfReading = new bool[n];
        var found = new List<int>();
        for (var i = 0; i < n; i++)
        {
            precedents[i] = reader.Of(formulas[i].Formula);
            foreach (var range in precedents[i].Ranges)
            {
                if (range.Sheet is null || !sheets.TryGetValue(range.Sheet, out var sheet))
                {
                    continue;
                }

                found.Clear();
                if (range.IsSingleCell)
                {
                    if (cells.TryGetValue((sheet, range.FirstRow, range.FirstColumn), out var single))
                    {
                        found.Add(single);
                    }
                }
                else
                {
                    var (keys, sheetTrees) = trees[sheet];
                    for (var c = ColumnTree.LowerBound(keys, range.FirstColumn); c < keys.Length && keys[c] <= range.LastColumn; c++)
                    {
                        sheetTrees[c].Cover(range.FirstRow, range.LastRow, found);
                    }
                }

                foreach (var target in found)
                {
                    selfReading[i] |= target == i;
                    from.Add(i);
                    to.Add(target);
                }
            }
        }

        var (start, targets) = Adjacency(next, from, to);
        return new FormulaGraph(formulas, precedents, start, targets, cells, sheets, selfReading);
    }

    /// <summary>The index of the formula in <paramref name="sheet"/> at <paramref name="address"/>, or -1.</summary>
    public int IndexOf(string sheet, CellAddress address) =>
        _sheets.TryGetValue(sheet, out var s) && _cells.TryGetValue((s, address.Row, address.Column), out var i) ? i : -1;

    /// <summary>
    /// The formulas that read a <paramref name="seeds"/> formula, directly or through others, and
    /// the seeds themselves. Formulas <paramref name="admit"/> refuses are neither marked nor
    /// followed further.
    /// </summary>
    public bool[] Readers(IReadOnlyList<bool> seeds, Func<int, bool>? admit = null) =>
        [.. ReadersOf(seeds, admit).Select(seed => seed >= 0)];

    /// <summary>Like <see cref="Readers"/>, with the seed each formula reads (itself for a seed), or -1 for formulas that read none.</summary>
    public int[] ReadersOf(IReadOnlyList<bool> seeds, Func<int, bool>? admit = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var n = Formulas.Count;
        if (_readers is null)
        {
            var from = new List<int>(_targets.Length);
            var to = new List<int>(_targets.Length);
            for (var node = 0; node < _start.Length - 1; node++)
            {
                for (var e = _start[node]; e < _start[node + 1]; e++)
                {
                    from.Add(_targets[e]);
                    to.Add(node);
                }
            }

            (_readerStart, _readers) = Adjacency(_start.Length - 1, from, to);
        }

        var origin = new int[_start.Length - 1];
        Array.Fill(origin, -1);
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            if (seeds[i])
            {
                origin[i] = i;
                queue.Enqueue(i);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            for (var e = _readerStart![node]; e < _readerStart[node + 1]; e++)
            {
                var reader = _readers[e];
                if (origin[reader] >= 0 || (reader < n && admit is not null && !admit(reader)))
                {
                    continue;
                }

                origin[reader] = origin[node];
                queue.Enqueue(reader);
            }
        }

        return origin[..n];
    }

    private static (int[] Start, int[] Targets) Adjacency(int nodes, List<int> from, List<int> to)
    {
        var start = new int[nodes + 1];
        foreach (var f in from)
        {
            start[f + 1]++;
        }

        for (var i = 0; i < nodes; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var targets = new int[from.Count];
        for (var e = 0; e < from.Count; e++)
        {
            targets[fill[from[e]]++] = to[e];
        }

        return (start, targets);
    }

    /// <summary>Tarjan's strongly connected components, iteratively, from the formula nodes.</summary>
    private static (bool[] Circular, List<int[]> Cycles, List<int> Order) Components(int n, int[] start, int[] targets, bool[] selfReading)
    {
        var nodes = start.Length - 1;
        var index = new int[nodes];
        Array.Fill(index, -1);
        var low = new int[nodes];
        var onStack = new bool[nodes];
        var stack = new int[nodes];
        var callNode = new int[nodes];
        var callEdge = new int[nodes];
        int depth = 0, top = 0, counter = 0;
        var circular = new bool[n];
        var cycles = new List<int[]>();
        var order = new List<int>(n);
        var members = new List<int>();
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            Enter(root);
            while (depth > 0)
            {
                var v = callNode[depth - 1];
                if (callEdge[depth - 1] < start[v + 1])
                {
                    var w = targets[callEdge[depth - 1]++];
                    if (index[w] < 0)
                    {
                        Enter(w);
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                depth--;
                if (depth > 0)
                {
                    var parent = callNode[depth - 1];
                    low[parent] = Math.Min(low[parent], low[v]);
                }

                if (low[v] != index[v])
                {
                    continue;
                }

                members.Clear();
                int w2;
                var size = 0;
                do
                {
                    w2 = stack[--top];
                    onStack[w2] = false;
                    size++;
                    if (w2 < n)
                    {
                        members.Add(w2);
                    }
                }
                while (w2 != v);

                if (members.Count > 0 && (size > 1 || selfReading[v]))
                {
                    members.Sort();
                    members.ForEach(m => circular[m] = true);
                    cycles.Add([.. members]);
                }
                else if (v < n)
                {
                    order.Add(v);
                }
            }
        }

        return (circular, cycles, order);

        void Enter(int node)
        {
            index[node] = low[node] = counter++;
            stack[top++] = node;
            onStack[node] = true;
            callNode[depth] = node;
            callEdge[depth] = start[node];
            depth++;
        }
    }
}
