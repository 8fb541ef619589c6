using System.ComponentModel;
using System.Globalization;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Excel.Layout;
using Officina.Operations;
using CellValue = Officina.Operations.CellValue;

namespace Officina.Excel.Operations;

/// <summary>
/// Replaces text in cell values over a range, a sheet, or every worksheet of the workbook, like
/// Excel's Find and Replace: case-insensitive unless <see cref="MatchCase"/>, anywhere in the
/// value unless <see cref="WholeCell"/>. Text cells and literal numbers are searched (a number
/// whose digits change stays a number when the result reads as one); formula cells only with
/// <see cref="InFormulas"/>, which replaces in the formula text (the result must still be a
/// valid formula without links outside the workbook; its cached value is dropped and
/// recalculated). A changed text cell points to a shared string for its new text, so another
/// cell sharing the old string is not affected; rich-text runs in a changed cell become plain
/// text. The summary counts the cells and occurrences replaced.
/// </summary>
[Operation("find_replace", "Find and replace text in the values (or formulas) of a range, a sheet or the workbook.")]
public sealed record FindReplace(
    [property: Description("Text to find")] string Find,
    [property: Description("Replacement text (may be empty)")] string Replace,
    [property: Description("Range to search, e.g. Data!A1:F500; null searches the sheet, or the whole workbook")] string? Range = null,
    [property: Description("Worksheet to search; null with no range searches every worksheet")] string? Sheet = null,
    [property: Description("True to match upper and lower case exactly (default false)")] bool? MatchCase = null,
    [property: Description("True to replace only cells whose entire value equals find (default false)")] bool? WholeCell = null,
    [property: Description("True to replace in formula text too (default false: formulas are left alone)")] bool? InFormulas = null)
    : WriteOperation<WorkbookSession>
{
    private sealed record Edit(SheetCells Sheet, CellAddress Address, CellValue? Value, string? Formula, int Occurrences);

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
        if (Sheet is not null)
        {
            trace.AddressesSheet(Sheet);
        }
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (string.IsNullOrEmpty(Find))
        {
            errors.Add(new("find", "find_required", "find must be the text to look for. Given: an empty string."));
        }

        if (Replace is null)
        {
            errors.Add(new("replace", "replace_required", "replace must be the replacement text (an empty string deletes what is found). Given: null."));
        }
        else if (XmlText.FirstInvalid(Replace) is var at and >= 0)
        {
            errors.Add(new("replace", "xml_text", $"replace must not contain characters XML cannot hold ({XmlText.CodePoint(Replace[at])} at character {at + 1})."));
        }

        if (Range is not null && Sheet is not null)
        {
            errors.Add(new("sheet", "one_of", "Give range or sheet (or neither, for the whole workbook), not both."));
        }

        var scopes = Scopes(session, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var names = session.Sheets.Select(s => s.Name).ToList();
        foreach (var edit in Edits(session, scopes))
        {
            var where = $"{RangeAddress.QuoteSheet(edit.Sheet.SheetName)}!{edit.Address.A1}";
            if (edit.Formula is null)
            {
                if (edit.Value is { Kind: CellValueKind.Text } v && v.Text!.Length > 32_767)
                {
                    errors.Add(new("replace", "cell_length", $"A cell holds at most 32,767 characters; replacing in {where} would exceed that."));
                }
            }
            else if (FormulaSyntax.Problem(edit.Formula) is { } problem)
            {
                errors.Add(new("replace", "formula_syntax", $"Replacing in the formula of {where} gives an invalid formula: {problem} Result: '{edit.Formula}'."));
            }
            else if (ExternalReferenceScan.Find(edit.Formula, names) is { } external)
            {
                errors.Add(new("replace", "external_reference", $"Replacing in the formula of {where} would link outside the workbook ({external}). Result: '{edit.Formula}'."));
            }

            if (errors.Count >= 10)
            {
                break;
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scopes = Scopes(session, []);
        var edits = Edits(session, scopes).ToList();
        foreach (var edit in edits)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            if (edit.Formula is { } formula)
            {
                edit.Sheet.SetFormula(edit.Address.Row, edit.Address.Column, formula);
            }
            else
            {
                edit.Sheet.SetValue(edit.Address.Row, edit.Address.Column, edit.Value!.Value);
            }
        }

        var scope = Range is not null ? scopes[0].ToString() : Sheet is not null ? $"sheet '{scopes[0].Sheet}'" : "the workbook";
        var touchedSheets = edits.Select(e => e.Sheet.SheetName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var target = touchedSheets.Count == 1
            ? new RangeAddress(touchedSheets[0], edits.Min(e => e.Address.Row), edits.Min(e => e.Address.Column), edits.Max(e => e.Address.Row), edits.Max(e => e.Address.Column)).ToString()
            : Range is not null ? scopes[0].ToString() : "workbook";
        var cells = string.Join(", ", edits.Take(10).Select(e => $"{RangeAddress.QuoteSheet(e.Sheet.SheetName)}!{e.Address.A1}")) + (edits.Count > 10 ? ", …" : "");
        return new Change("find_replace", target, edits.Count == 0
            ? $"Found no '{Find}' to replace in {scope}"
            : $"Replaced {edits.Sum(e => e.Occurrences)} occurrence(s) of '{Find}' with '{Replace}' in {edits.Count} cell(s) of {scope} ({cells})", edits.Count);
    }

    /// <summary>The ranges searched: the range, the sheet's used cells, or every worksheet's.</summary>
    private List<RangeAddress> Scopes(WorkbookSession session, List<OperationError> errors)
    {
        if (Range is not null)
        {
            return session.TryResolve(Range, "range", errors, out var range, out _) ? [range] : [];
        }

        if (Sheet is not null)
        {
            return session.TryResolveSheet(Sheet, "sheet", errors, out var sheet) ? [Whole(sheet.SheetName)] : [];
        }

        return [.. session.Sheets.Where(s => s.IsWorksheet).Select(s => Whole(s.Name))];
    }

    private static RangeAddress Whole(string sheet) => new(sheet, 1, 1, CellAddress.MaxRow, CellAddress.MaxColumn);

    private IEnumerable<Edit> Edits(WorkbookSession session, List<RangeAddress> scopes)
    {
        foreach (var scope in scopes)
        {
            var sheet = session.Sheet(scope.Sheet!)!;
            foreach (var (address, cell) in sheet.CellsIn(scope))
            {
                if (cell.CellFormula is not null)
                {
                    if (InFormulas == true && sheet.FormulaOf(cell, address) is { } formula
                        && Replaced(formula[1..]) is { } changed)
                    {
                        yield return new Edit(sheet, address, null, "=" + changed.Text, changed.Count);
                    }

                    continue;
                }

                var value = sheet.ValueOf(cell);
                var text = value.Kind switch
                {
                    CellValueKind.Text => value.Text,
                    CellValueKind.Number => value.Number.ToString("R", CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (text is null || Replaced(text) is not { } result)
                {
                    continue;
                }

                var written = result.Text.Length == 0 ? CellValue.Empty
                    : value.Kind == CellValueKind.Number && double.TryParse(result.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
                        ? CellValue.FromNumber(n) : CellValue.FromText(result.Text);
                yield return new Edit(sheet, address, written, null, result.Count);
            }
        }
    }

    /// <summary>The text with every occurrence replaced and how many there were; null when nothing matched.</summary>
    private (string Text, int Count)? Replaced(string text)
    {
        var comparison = MatchCase == true ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (WholeCell == true)
        {
            return string.Equals(text, Find, comparison) ? (Replace, 1) : null;
        }

        var count = 0;
        var at = text.IndexOf(Find, comparison);
        if (at < 0)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder();
        var from = 0;
        while (at >= 0)
        {
            builder.Append(text, from, at - from).Append(Replace);
            from = at + Find.Length;
            count++;
            at = text.IndexOf(Find, from, comparison);
        }

        return (builder.Append(text, from, text.Length - from).ToString(), count);
    }
}
