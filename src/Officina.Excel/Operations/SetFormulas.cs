using System.ComponentModel;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Writes formulas into a range: one <see cref="Formula"/> filled over the range the way
/// Excel fills (relative references shift, absolute ones stay: <c>=B2*2</c> over C2:C4 gives
/// <c>=B3*2</c>, <c>=B4*2</c>), or a <see cref="Formulas"/> grid matching the range.
/// Formulas that reach outside the workbook (DDE links, other workbooks, URLs and file paths;
/// see <see cref="ExternalReferenceScan"/>) are refused unless <see cref="AllowExternalReferences"/>
/// is true: opening such a file can run a program or fetch data, so the plan must say so
/// where a reviewer sees it.
/// </summary>
[Operation("set_formulas", "Write formulas into a range: one filled like Excel, or a grid.")]
public sealed record SetFormulas(
    [property: Description("Target range, e.g. 'Forecast'!B3:B7")] string Range,
    [property: Description("One formula for the whole range, written for its top-left cell, e.g. =B2*(1+$B$1); null when formulas is given")] string? Formula = null,
    [property: Description("A grid of formulas, one per cell of the range; null when formula is given")] string[][]? Formulas = null,
    [property: Description("True only when the formulas must link to other workbooks, URLs or DDE; null or false refuses such links")] bool? AllowExternalReferences = null)
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

        var sheets = session.Sheets.Select(s => s.Name).ToList();
        void Check(string? formula, string path, List<OperationError> found)
        {
            CheckFormula(formula, path, found);
            if (AllowExternalReferences != true && formula is not null && ExternalReferenceScan.Find(formula, sheets) is { } external)
            {
                found.Add(ExternalReferenceError(path, formula, external));
            }
        }

        if ((Formula is null) == (Formulas is null))
        {
            errors.Add(new("formula", "one_of", "Give either formula (filled over the range) or formulas (a grid), not both and not neither."));
            return errors;
        }

        if (Formula is not null)
        {
            Check(Formula, "formula", errors);
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
                    Check(Formulas[r][c], $"formulas[{r}][{c}]", errors);
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
            session.Cancellation.ThrowIfCancellationRequested();
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

    /// <summary>The error for a formula that reaches outside the workbook; define_name gives the same.</summary>
    internal static OperationError ExternalReferenceError(string path, string formula, string external) =>
        new(path, "external_reference",
            $"The formula reaches outside the workbook through {external}. Given: '{formula}'. DDE links and links to other workbooks, " +
            "URLs or file paths can run programs or fetch data when the file is opened; write the values instead, or set " +
            "allow_external_references to true on this operation when the link is intended.");

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
