using ClosedXML.Excel;

namespace Officina.Excel.Verification;

/// <summary>
/// Recalculates formulas in-process with ClosedXML's engine, on a temporary copy of the
/// package (ClosedXML never writes anything back). Its engine lacks many functions (NPV, IRR,
/// PMT, XLOOKUP, FILTER, ...) and throws for them: those cells come back not computed, as do
/// errors it raises, which LibreOffice then confirms. It evaluates as the
/// <see cref="EvaluationPlan"/> says: in dependency order, circular references and unbounded
/// whole-column references left alone, whole-column references bounded to the used range.
/// </summary>
internal static class ClosedXmlCalculator
{
    /// <summary>
    /// ClosedXML evaluates what a formula reads recursively. The plan's order keeps that shallow
    /// for every dependency the formula text shows; a big stack covers the rest (INDIRECT chains).
    /// </summary>
    private const int StackSize = 256 * 1024 * 1024;

    /// <summary>
    /// How long ClosedXML may take before its answers are given up and every cell is left to
    /// LibreOffice. Some of its functions cost more than the rest of the workbook together
    /// (SUBTOTAL over a range re-sorts the sheet's used cells for each cell it reads: the
    /// Open-XML-SDK's 7,500-formula PerformanceEng.xlsx did not finish in 300 s), while
    /// LibreOffice recalculates the same workbook in seconds.
    /// </summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Computes <paramref name="cells"/> on a thread of its own (deep chains need its big stack).
    /// Cancellation is checked before each cell there, and the wait for that thread is
    /// cancellable too: ClosedXML's own recalculation of the whole workbook is one call that
    /// cannot be interrupted, so a cancelled caller returns at once and the thread, a background
    /// one, ends at its next check with nothing left that reads its results.
    /// </summary>
    public static (IReadOnlyList<FormulaResult> Results, string? LoadError) Calculate(
        byte[] package, IReadOnlyList<FormulaCell> cells, EvaluationPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = abandon.Token;
        var done = new TaskCompletionSource<(IReadOnlyList<FormulaResult>?, string?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    done.TrySetResult(CalculateOnThisThread(package, cells, plan, stop));
                }
                catch (OperationCanceledException ex)
                {
                    done.TrySetException(ex);
                }
#pragma warning disable CA1031 // ClosedXML fails in many ways on workbooks from the wild; the caller falls back to LibreOffice.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    done.TrySetResult((null, $"{ex.GetType().Name}: {ex.Message}"));
                }
            },
            StackSize)
        { IsBackground = true, Name = "Officina ClosedXML recalculation" };
        thread.Start();
        try
        {
            if (!done.Task.Wait(TimeBudget, cancellationToken))
            {
                // Over budget: the thread, a background one, stops at its next check of the token.
                abandon.Cancel();
                var reason = $"ClosedXML did not finish within {TimeBudget.TotalSeconds:0} s";
                return ([.. cells.Select(_ => FormulaResult.NotComputed(reason))], reason);
            }
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException cancelled)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cancelled).Throw();
        }

        var (results, loadError) = done.Task.Result;
        return (results ?? [.. cells.Select(_ => FormulaResult.NotComputed("ClosedXML could not load the workbook"))], loadError);
    }

    private static (IReadOnlyList<FormulaResult>, string?) CalculateOnThisThread(
        byte[] package, IReadOnlyList<FormulaCell> cells, EvaluationPlan plan, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(package, writable: false);
        using var workbook = new XLWorkbook(stream);
        var sheets = new Dictionary<string, IXLWorksheet?>(StringComparer.OrdinalIgnoreCase);
        IXLCell? CellOf(FormulaCell cell)
        {
            if (!sheets.TryGetValue(cell.Sheet, out var sheet))
            {
                sheets[cell.Sheet] = sheet = workbook.TryGetWorksheet(cell.Sheet, out var found) ? found : null;
            }

            return sheet?.Cell(cell.Address.Row, cell.Address.Column);
        }

        // Every change comes before the first evaluation: a change makes ClosedXML forget what it evaluated.
        foreach (var (cell, value) in plan.Constants)
        {
            if (CellOf(cell) is { } constant)
            {
                constant.Value = value;
            }
        }

        // Cached values from the file may be stale, and ClosedXML takes some of them as computed
        // (the last formula cell it loads, for one): forget them all, so that every formula is
        // evaluated when first read — which, in the plan's order, is once, after what it reads.
        var graph = plan.Graph;
        var steps = plan.Steps.ToList();
        foreach (var (index, bounded) in steps)
        {
            if (CellOf(graph.Formulas[index].Formula) is not { } cell)
            {
                continue;
            }

            if (bounded is not null)
            {
                cell.FormulaA1 = bounded;
            }
            else
            {
                cell.InvalidateFormula();
            }
        }

        var computed = new FormulaResult?[graph.Formulas.Count];
        var done = 0;
        foreach (var (index, _) in steps)
        {
            if ((++done & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            computed[index] = CellOf(graph.Formulas[index].Formula) is { } cell ? Evaluate(cell) : null;
        }

        var results = new FormulaResult[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            var index = graph.IndexOf(cells[i].Sheet, cells[i].Address);
            if (plan.Excused(index) is { } reason)
            {
                results[i] = FormulaResult.NotComputed(reason);
                continue;
            }

            var result = (index >= 0 ? computed[index] : null)
                ?? (CellOf(cells[i]) is { } cell ? Evaluate(cell) : FormulaResult.NotComputed("ClosedXML did not load the sheet"));

            // INDEX past the last used row answers #REF! over a bounded range, where Excel answers a blank.
            results[i] = plan.Bounded(index) && result.Text == "#REF!"
                ? FormulaResult.NotComputed("ClosedXML answered #REF! with whole columns bounded to the used range, where Excel can answer a blank (INDEX past the last used row)")
                : result;
        }

        return (results, null);
    }

    private static string? SuspectedError(Exception ex) => ex.GetType().Name switch
    {
        "DivisionByZeroException" or "DivideByZeroException" => "#DIV/0!",
        "CellReferenceException" => "#REF!",
        "CellValueException" => "#VALUE!",
        "NoValueAvailableException" => "#N/A",
        "NumberException" => "#NUM!",
        "NullValueException" => "#NULL!",
        _ => null,
    };

    private static FormulaResult Evaluate(IXLCell cell)
    {
        object? value;
        try
        {
            value = cell.Value;
        }
#pragma warning disable CA1031 // Any failure of ClosedXML's engine means "not computed here".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // An error ClosedXML raised is only suspected: LibreOffice confirms it when installed.
            return FormulaResult.NotComputed($"ClosedXML: {ex.GetType().Name}: {ex.Message}") with { Text = SuspectedError(ex) };
        }

        return value switch
        {
            null => FormulaResult.FromNumber(0),
            bool b => FormulaResult.FromBoolean(b),
            string s when FormulaResult.ErrorCodes.Contains(s) => FormulaResult.NotComputed($"ClosedXML returned {s}") with { Text = s },
            string s => FormulaResult.FromText(s),
            DateTime d => FormulaResult.FromNumber(d.ToOADate()),
            TimeSpan t => FormulaResult.FromNumber(t.TotalDays),
            IConvertible c when value is double or float or decimal or int or long or short or byte or uint or ulong or ushort or sbyte =>
                FormulaResult.FromNumber(c.ToDouble(System.Globalization.CultureInfo.InvariantCulture)),
            _ => FormulaResult.NotComputed($"ClosedXML returned a {value.GetType().Name}"),
        };
    }
}
