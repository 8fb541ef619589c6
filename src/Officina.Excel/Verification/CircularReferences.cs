using System.Globalization;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>
/// Circular references — formulas that read themselves, directly or through others — found by
/// <see cref="FormulaGraph"/> before anything is recalculated. No engine here can compute them:
/// ClosedXML walks the whole circle again for each of its cells (the cost grows with the square
/// of its length) and LibreOffice answers an error Excel does not show. So their cells, and the
/// formulas that read them, are never evaluated and never written: they keep their cached
/// values. Each circle is one <c>circular_reference</c> finding, at its first cell, naming its
/// cells as ranges (<c>Sheet1!A1:A20000</c>, at most <see cref="MaxNamedRanges"/>): an error, or a
/// warning when the workbook turns on iterative calculation (Excel then iterates on purpose,
/// which no engine here does). After an edit a circle none of whose cells the plan wrote (and
/// whose formulas use no name it defined) was in the input, and is pre-existing.
/// </summary>
internal sealed class CircularReferences
{
    /// <summary>How many ranges a finding names before it sums up the rest.</summary>
    public const int MaxNamedRanges = 5;

    private readonly FormulaGraph _graph;
    private readonly int[] _reads;

    private CircularReferences(FormulaGraph graph)
    {
        _graph = graph;
        _reads = graph.Cycles.Count == 0 ? [] : graph.ReadersOf(graph.Circular);
    }

    public static CircularReferences Of(FormulaGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new CircularReferences(graph);
    }

    public int Count => _graph.Cycles.Count;

    /// <summary>Whether the formula at <paramref name="index"/> is in a circle.</summary>
    public bool Contains(int index) => index >= 0 && _graph.Circular[index];

    /// <summary>Why the formula cannot be computed, when it is in a circle or reads one; otherwise null.</summary>
    public FormulaResult? Excuse(FormulaCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (Count == 0)
        {
            return null;
        }

        var index = _graph.IndexOf(cell.Sheet, cell.Address);
        if (index < 0 || _reads[index] < 0)
        {
            return null;
        }

        return _graph.Circular[index]
            ? FormulaResult.NotComputed("it is part of a circular reference; its cached value is kept")
            : FormulaResult.NotComputed($"it reads {_graph.Formulas[_reads[index]].Formula.Location}, which is part of a circular reference; its cached value is kept");
    }

    /// <summary>Results for <paramref name="cells"/>, with those <see cref="Excuse"/> names turned into "not computed".</summary>
    public IReadOnlyList<FormulaResult> Excuse(IReadOnlyList<FormulaCell> cells, IReadOnlyList<FormulaResult> results)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(results);
        return Count == 0 ? results : [.. results.Select((r, i) => Excuse(cells[i]) ?? r)];
    }

    /// <summary>One finding per circle, the ones the input already had apart (severity Info) after an edit.</summary>
    public (List<Finding> Findings, List<Finding> PreExisting) Findings(WorkbookSession session, int cap)
    {
        ArgumentNullException.ThrowIfNull(session);
        var findings = new List<Finding>();
        var preExisting = new List<Finding>();
        if (Count == 0)
        {
            return (findings, preExisting);
        }

        var iterative = session.Workbook.CalculationProperties?.Iterate?.Value == true;
        var footprint = session.Changes.Count > 0 ? PlanFootprint.Of(session, null) : null;
        var order = session.Sheets.Select(s => s.Name).ToList();
        var listed = 0;
        foreach (var cycle in _graph.Cycles.OrderBy(c => FormulaReference.IndexOf(order, _graph.Formulas[c[0]].Formula.Sheet)))
        {
            var cells = cycle.Select(i => _graph.Formulas[i].Formula).ToList();
            var (them, their) = cells.Count == 1 ? ("it", "its cached value is") : ("them", "their cached values are");
            var finding = new Finding(iterative ? FindingSeverity.Warning : FindingSeverity.Error, "circular_reference", cells[0].Location,
                (cells.Count == 1 ? $"{Describe(cells, order)} reads itself (a circular reference)" : $"{Describe(cells, order)} read each other in a circle (a circular reference)")
                + (iterative
                    ? $"; the workbook turns on iterative calculation, which no engine here runs, so {their} kept and not recalculated."
                    : $"; Excel cannot compute {them} without iterative calculation and no engine here does, so {their} kept and not recalculated."));
            if (footprint is not null && !WrittenByPlan(session, footprint, cells))
            {
                preExisting.Add(FindingBaseline.AsPreExisting(finding));
            }
            else if (++listed <= cap)
            {
                findings.Add(finding);
            }
        }

        if (listed > cap)
        {
            findings.Add(new Finding(iterative ? FindingSeverity.Warning : FindingSeverity.Error, "circular_reference", "workbook",
                $"{listed - cap} more circular reference(s) not listed."));
        }

        return (findings, preExisting);
    }

    private static bool WrittenByPlan(WorkbookSession session, PlanFootprint footprint, List<FormulaCell> cells) =>
        cells.Any(c => (session.SheetElement(c.Sheet)?.SheetId?.Value is { } id && footprint.Wrote(id, c.Address))
            || FormulaPrecedents.NameTokens(c.Formula).Any(footprint.Names.Contains));

    /// <summary>"Sheet1!A1:A20000 (20,000 formula cells)", "Sheet1!A1, Sheet1!B1", runs of rows merged, at most <see cref="MaxNamedRanges"/> ranges.</summary>
    private static string Describe(List<FormulaCell> cells, List<string> order)
    {
        var ranges = new List<RangeAddress>();
        foreach (var column in cells
            .GroupBy(c => (Sheet: c.Sheet.ToUpperInvariant(), c.Address.Column))
            .OrderBy(g => FormulaReference.IndexOf(order, g.First().Sheet)).ThenBy(g => g.Key.Column))
        {
            RangeAddress? run = null;
            foreach (var cell in column.OrderBy(c => c.Address.Row))
            {
                if (run is not null && cell.Address.Row == run.LastRow + 1)
                {
                    run = run with { LastRow = cell.Address.Row };
                    continue;
                }

                if (run is not null)
                {
                    ranges.Add(run);
                }

                run = new RangeAddress(cell.Sheet, cell.Address.Row, cell.Address.Column, cell.Address.Row, cell.Address.Column);
            }

            ranges.Add(run!);
        }

        var named = string.Join(", ", ranges.Take(MaxNamedRanges));
        var more = ranges.Count > MaxNamedRanges ? $" and {ranges.Count - MaxNamedRanges} more range(s)" : "";
        var count = cells.Count.ToString("N0", CultureInfo.InvariantCulture);
        return cells.Count == 1 ? $"{named}" : $"{count} formula cells ({named}{more})";
    }
}
