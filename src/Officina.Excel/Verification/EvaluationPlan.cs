using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Verification;

/// <summary>
/// How <see cref="ClosedXmlCalculator"/> evaluates a workbook, decided from the working copy
/// before ClosedXML loads it:
/// <list type="bullet">
/// <item>formulas are evaluated one by one in <see cref="FormulaGraph.Order"/>, each after what
/// it reads, so ClosedXML (which evaluates what a formula reads on demand, recursively) never
/// recurses down a long chain;</item>
/// <item>cells it must not evaluate — circular references (<see cref="CircularReferences"/>) —
/// become constants holding their cached value, and neither they nor the formulas that read them
/// are evaluated: they come back "not computed" with the reason.</item>
/// </list>
/// </summary>
internal sealed class EvaluationPlan
{
    private readonly string?[] _excused;

    private EvaluationPlan(FormulaGraph graph, string?[] excused, List<(FormulaCell Cell, object Value)> constants)
    {
        Graph = graph;
        _excused = excused;
        Constants = constants;
    }

    public FormulaGraph Graph { get; }

    /// <summary>Cells whose formula is replaced by their cached value before anything is evaluated.</summary>
    public IReadOnlyList<(FormulaCell Cell, object Value)> Constants { get; }

    /// <summary>The formulas to evaluate, in order.</summary>
    public IEnumerable<int> Steps => Graph.Order.Where(i => _excused[i] is null);

    public static EvaluationPlan For(WorkbookSession session, FormulaGraph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        graph ??= FormulaGraph.Build(session, FormulaCells.Of(session));
        var n = graph.Formulas.Count;
        var excused = new string?[n];
        var constants = new List<(FormulaCell, object)>();
        var origin = graph.ReadersOf(graph.Circular);
        for (var i = 0; i < n; i++)
        {
            var seed = origin[i];
            if (seed < 0)
            {
                continue;
            }

            var location = graph.Formulas[seed].Formula.Location;
            excused[i] = seed == i
                ? "ClosedXML does not evaluate it: it is part of a circular reference"
                : $"ClosedXML does not evaluate it: it reads {location}, which is part of a circular reference";
            if (graph.Circular[i])
            {
                constants.Add((graph.Formulas[i].Formula, CachedValue(session, graph.Formulas[i].Formula, graph.Formulas[i].Cell)));
            }
        }

        return new EvaluationPlan(graph, excused, constants);
    }

    /// <summary>Why ClosedXML does not evaluate the formula at <paramref name="index"/>, or null when it does.</summary>
    public string? Excused(int index) => index >= 0 ? _excused[index] : null;

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
