using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Verification;

/// <summary>
/// How <see cref="ClosedXmlCalculator"/> evaluates a workbook, decided from the working copy
/// before ClosedXML loads it:
/// <list type="bullet">
/// <item>formulas are evaluated one by one in <see cref="FormulaGraph.Order"/>, each after what
/// it reads, so ClosedXML (which evaluates what a formula reads on demand, recursively) never
/// recurses down a long chain;</item>
/// <item>cells it must not evaluate — circular references (<see cref="CircularReferences"/>) and
/// formulas whose whole-column references cannot be bounded (<see cref="WholeLineReferences"/>) —
/// become constants holding their cached value, and neither they nor the formulas that read them
/// are evaluated: they come back "not computed" with the reason;</item>
/// <item>whole-column and whole-row references that can be are bounded to the used range.</item>
/// </list>
/// </summary>
internal sealed class EvaluationPlan
{
    private readonly string?[] _excused;
    private readonly string?[] _bounded;

    private EvaluationPlan(FormulaGraph graph, string?[] excused, string?[] bounded, List<(FormulaCell Cell, object Value)> constants)
    {
        Graph = graph;
        _excused = excused;
        _bounded = bounded;
        Constants = constants;
    }

    public FormulaGraph Graph { get; }

    /// <summary>Cells whose formula is replaced by their cached value before anything is evaluated.</summary>
    public IReadOnlyList<(FormulaCell Cell, object Value)> Constants { get; }

    /// <summary>The formulas to evaluate, in order, each with its bounded formula text (without '=') when it has one.</summary>
    public IEnumerable<(int Index, string? Bounded)> Steps =>
        Graph.Order.Where(i => _excused[i] is null).Select(i => (i, _bounded[i] is { } b ? b[1..] : null));

    public static EvaluationPlan For(WorkbookSession session, FormulaGraph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        graph ??= FormulaGraph.Build(session, FormulaCells.Of(session));
        var n = graph.Formulas.Count;
        var bounded = new string?[n];
        var withheld = new string?[n];
        var lines = new WholeLineReferences(session);
        for (var i = 0; i < n; i++)
        {
            var (formula, cell) = graph.Formulas[i];
            if (!graph.Circular[i])
            {
                (bounded[i], withheld[i]) = lines.Bound(formula, cell.CellFormula?.FormulaType?.Value == CellFormulaValues.Array);
            }
        }

        var cut = new bool[n];
        for (var i = 0; i < n; i++)
        {
            cut[i] = graph.Circular[i] || withheld[i] is not null;
        }

        var excused = new string?[n];
        var constants = new List<(FormulaCell, object)>();
        var origin = graph.ReadersOf(cut);
        for (var i = 0; i < n; i++)
        {
            var seed = origin[i];
            if (seed < 0)
            {
                continue;
            }

            var location = graph.Formulas[seed].Formula.Location;
            excused[i] = (graph.Circular[seed], seed == i) switch
            {
                (true, true) => "ClosedXML does not evaluate it: it is part of a circular reference",
                (true, false) => $"ClosedXML does not evaluate it: it reads {location}, which is part of a circular reference",
                (false, true) => $"ClosedXML evaluates whole columns and rows over the used range only, and here {withheld[seed]}",
                (false, false) => $"it reads {location}, which ClosedXML does not evaluate ({withheld[seed]})",
            };
            if (cut[i])
            {
                constants.Add((graph.Formulas[i].Formula, CachedValue(session, graph.Formulas[i].Formula, graph.Formulas[i].Cell)));
            }
        }

        return new EvaluationPlan(graph, excused, bounded, constants);
    }

    /// <summary>Why ClosedXML does not evaluate the formula at <paramref name="index"/>, or null when it does.</summary>
    public string? Excused(int index) => index >= 0 ? _excused[index] : null;

    /// <summary>Whether the formula at <paramref name="index"/> had whole-line references bounded to the used range.</summary>
    public bool Bounded(int index) => index >= 0 && _bounded[index] is not null;

    private static object CachedValue(WorkbookSession session, FormulaCell formula, Cell cell)
    {
        var value = session.Sheet(formula.Sheet)?.ValueOf(cell) ?? Officina.Operations.CellValue.Empty;
        return value.Kind switch
        {
            Officina.Operations.CellValueKind.Number => value.Number,
            Officina.Operations.CellValueKind.Boolean => value.Boolean,
            Officina.Operations.CellValueKind.Text => value.Text!,
            _ => "",
        };
    }
}
