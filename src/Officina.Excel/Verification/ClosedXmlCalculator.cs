using ClosedXML.Excel;

namespace Officina.Excel.Verification;

/// <summary>
/// Recalculates formulas in-process with ClosedXML's engine, on a temporary copy of the
/// package (ClosedXML never writes anything back). Its engine lacks many functions (NPV, IRR,
/// PMT, XLOOKUP, FILTER, ...) and throws for them: those cells come back not computed, as do
/// errors it raises, which LibreOffice then confirms.
/// </summary>
internal static class ClosedXmlCalculator
{
    /// <summary>Deep dependency chains recurse in ClosedXML's evaluator; a big stack keeps that from killing the process.</summary>
    private const int StackSize = 256 * 1024 * 1024;

    /// <summary>
    /// Computes <paramref name="cells"/> on a thread of its own (deep chains need its big stack).
    /// Cancellation is checked before each cell there, and the wait for that thread is
    /// cancellable too: ClosedXML's own recalculation of the whole workbook is one call that
    /// cannot be interrupted, so a cancelled caller returns at once and the thread, a background
    /// one, ends at its next check with nothing left that reads its results.
    /// </summary>
    public static (IReadOnlyList<FormulaResult> Results, string? LoadError) Calculate(
        byte[] package, IReadOnlyList<FormulaCell> cells, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<(IReadOnlyList<FormulaResult>?, string?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    done.TrySetResult(CalculateOnThisThread(package, cells, cancellationToken));
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
            done.Task.Wait(cancellationToken);
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException cancelled)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cancelled).Throw();
        }

        var (results, loadError) = done.Task.Result;
        return (results ?? [.. cells.Select(_ => FormulaResult.NotComputed("ClosedXML could not load the workbook"))], loadError);
    }

    private static (IReadOnlyList<FormulaResult>, string?) CalculateOnThisThread(
        byte[] package, IReadOnlyList<FormulaCell> cells, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(package, writable: false);
        using var workbook = new XLWorkbook(stream);
        // Cached values from the file may be stale: forget them all so every formula is evaluated.
        // This evaluates as well and stops at the first formula ClosedXML cannot compute; the
        // formulas stay invalidated, so each is evaluated (or fails) on its own below.
        try
        {
            workbook.RecalculateAllFormulas();
        }
#pragma warning disable CA1031 // Failures are per cell and collected below.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        var results = new FormulaResult[cells.Count];
        IXLWorksheet? sheet = null;
        for (var i = 0; i < cells.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            var cell = cells[i];
            if (sheet is null || !string.Equals(sheet.Name, cell.Sheet, StringComparison.OrdinalIgnoreCase))
            {
                workbook.TryGetWorksheet(cell.Sheet, out sheet);
            }

            results[i] = sheet is null
                ? FormulaResult.NotComputed("ClosedXML did not load the sheet")
                : Evaluate(sheet.Cell(cell.Address.Row, cell.Address.Column));
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
