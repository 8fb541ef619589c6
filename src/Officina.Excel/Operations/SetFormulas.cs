using System.ComponentModel;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Writes formulas into a range: one <see cref="Formula"/> filled over the range the way
/// Excel fills (relative references shift, absolute ones stay: <c>=B2*2</c> over C2:C4 gives
/// <c>=B3*2</c>, <c>=B4*2</c>), or a <see cref="Formulas"/> grid matching the range.
/// </summary>
[Operation("set_formulas", "Write formulas into a range: one filled like Excel, or a grid.")]
public sealed record SetFormulas(
    [property: Description("Target range, e.g. 'Forecast'!B3:B7")] string Range,
    [property: Description("One formula for the whole range, written for its top-left cell, e.g. =B2*(1+$B$1); null when formulas is given")] string? Formula = null,
    [property: Description("A grid of formulas, one per cell of the range; null when formula is given")] string[][]? Formulas = null)
    : WriteOperation<WorkbookSession>
{
    public const int MaxFormulaLength = 8192;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
        trace.AddressesFormula(Formula);
        foreach (var formula in Formulas?.SelectMany(row => row ?? []) ?? [])
        {
            trace.AddressesFormula(formula);
        }
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (!session.TryResolve(Range, "range", errors, out var range, out _))
        {
            return errors;
        }

        if ((Formula is null) == (Formulas is null))
        {
            errors.Add(new("formula", "one_of", "Give either formula (filled over the range) or formulas (a grid), not both and not neither."));
            return errors;
        }

        if (Formula is not null)
        {
            CheckFormula(Formula, "formula", errors);
            if (range.CellCount > 1_000_000)
            {
                errors.Add(new("range", "max_cells", $"set_formulas fills at most 1,000,000 cells. Given: {range} ({range.CellCount} cells)."));
            }
        }
        else
        {
            if (Formulas!.Length != range.RowCount || Formulas.Any(r => r is null || r.Length != range.ColumnCount))
            {
                errors.Add(new("formulas", "formulas_shape",
                    $"formulas must have {range.RowCount} rows of {range.ColumnCount} to match {range.Reference}. Given: {Formulas.Length} rows of {string.Join("/", Formulas.Select(r => r?.Length ?? 0).Distinct())}."));
                return errors;
            }

            for (var r = 0; r < Formulas.Length; r++)
            {
                for (var c = 0; c < Formulas[r].Length; c++)
                {
                    CheckFormula(Formulas[r][c], $"formulas[{r}][{c}]", errors);
                }
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var count = 0;
        for (var r = range.FirstRow; r <= range.LastRow; r++)
        {
            for (var c = range.FirstColumn; c <= range.LastColumn; c++)
            {
                var text = Formula is not null
                    ? FormulaReferences.Shift(Formula.TrimStart('='), r - range.FirstRow, c - range.FirstColumn)
                    : Formulas![r - range.FirstRow][c - range.FirstColumn];
                sheet.SetFormula(r, c, FunctionNames.AddFutureFunctionPrefixes(text));
                count++;
            }
        }

        session.MarkFormulasDirty();
        var shown = Formula ?? Formulas![0][0];
        return new Change("set_formulas", range.ToString(), $"Wrote {count} formula(s) to {range}" + (Formula is not null ? $" ({shown.TrimStart('=')} filled)" : ""), count);
    }

    private static void CheckFormula(string? formula, string path, List<OperationError> errors)
    {
        if (string.IsNullOrWhiteSpace(formula) || formula.Trim() == "=")
        {
            errors.Add(new(path, "formula_empty", "A formula must not be empty. Given: an empty string."));
            return;
        }

        if (formula.Length > MaxFormulaLength)
        {
            errors.Add(new(path, "formula_length", $"A formula is at most {MaxFormulaLength} characters. Given: {formula.Length}."));
        }

        if (FormulaSyntax.Problem(formula) is { } problem)
        {
            errors.Add(new(path, "formula_syntax", $"{problem} Given: '{formula}'."));
        }
    }
}
