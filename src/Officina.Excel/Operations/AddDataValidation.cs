using System.ComponentModel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>What a data validation accepts.</summary>
public enum ValidationKind
{
    List,
    Whole,

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Excel's own name for the kind, serialized as 'decimal'.")]
    Decimal,
    Date,
    TextLength,
    Custom,
}

/// <summary>How Excel reacts to an invalid entry: stop refuses it, warning and information let the user keep it.</summary>
public enum ValidationAlert
{
    Stop,
    Warning,
    Information,
}

/// <summary>
/// Restricts what can be typed into a range: a dropdown list (items, or a source range or
/// name), whole or decimal numbers, dates or text lengths compared with values, or a custom
/// formula. Cells of the range that had another validation lose it (Excel allows one per
/// cell); the rest of that validation stays.
/// </summary>
[Operation("add_data_validation", "Restrict input: dropdown list, limits or a formula.")]
public sealed record AddDataValidation(
    [property: Description("Range to validate, e.g. 'Orders'!C2:C500")] string Range,
    [property: Description("What is allowed")] ValidationKind Type,
    [property: Description("For whole/decimal/date/text_length: comparison; null means between")] ComparisonOperator? Operator = null,
    [property: Description("For whole/decimal/date/text_length: 1 value (2 for between/not_between): numbers, ISO dates, or formulas starting with '='")] string[]? Values = null,
    [property: Description("For custom: a formula true for valid input, written for the range's top-left cell, e.g. =ISNUMBER(A2)")] string? Formula = null,
    [property: Description("For list: the dropdown's items (no commas; at most 255 characters joined); null when source is given")] string[]? Items = null,
    [property: Description("For list: a range or defined name holding the items, e.g. Lists!A2:A20; null when items are given")] string? Source = null,
    [property: Description("False to reject empty cells; null or true allows them")] bool? AllowBlank = null,
    [property: Description("Title of the error box (at most 32 characters)")] string? ErrorTitle = null,
    [property: Description("Text of the error box (at most 255 characters)")] string? ErrorMessage = null,
    [property: Description("Error box style; null means stop")] ValidationAlert? ErrorStyle = null,
    [property: Description("Title of the input prompt (at most 32 characters)")] string? PromptTitle = null,
    [property: Description("Input prompt shown when a cell is selected (at most 255 characters)")] string? Prompt = null)
    : WriteOperation<WorkbookSession>
{
    public const int MaxListLength = 255;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
        trace.AddressesFormula(Formula);
        trace.AddressesFormula(Source);
        foreach (var value in Values ?? [])
        {
            trace.AddressesFormula(value is ['=', ..] ? value : null);
        }
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolve(Range, "range", errors, out _, out _);
        switch (Type)
        {
            case ValidationKind.List:
                ValidateList(session, errors);
                break;
            case ValidationKind.Custom:
                if (string.IsNullOrWhiteSpace(Formula))
                {
                    errors.Add(new("formula", "formula_required", "custom validations need a formula, e.g. =ISNUMBER(A2). Given: null."));
                }
                else if (Formulas.FormulaSyntax.Problem(Formula) is { } syntax)
                {
                    errors.Add(new("formula", "formula_syntax", $"{syntax} Given: '{Formula}'."));
                }

                break;
            default:
                var op = Operator ?? ComparisonOperator.Between;
                var needed = Operands.Count(op);
                if (Values is null || Values.Length != needed)
                {
                    errors.Add(new("values", "values_count", $"The operator {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(op.ToString())} compares with {needed} value(s). Given: {Values?.Length ?? 0}."));
                    break;
                }

                for (var i = 0; i < Values.Length; i++)
                {
                    ValidateOperand(Values[i], $"values[{i}]", errors);
                }

                break;
        }

        foreach (var (path, text, max) in new[] { ("error_title", ErrorTitle, 32), ("error_message", ErrorMessage, 255), ("prompt_title", PromptTitle, 32), ("prompt", Prompt, 255) })
        {
            if (text is not null && text.Length > max)
            {
                errors.Add(new(path, "text_length", $"{path} is at most {max} characters. Given: {text.Length}."));
            }
        }

        return errors;
    }

    private void ValidateOperand(string value, string path, List<OperationError> errors)
    {
        if (Operands.Problem(value) is { } problem)
        {
            errors.Add(new(path, "operand", problem));
            return;
        }

        var formula = Operands.Formula(value, dates: Type == ValidationKind.Date);
        if (!value.TrimStart().StartsWith('=') && formula.StartsWith('"'))
        {
            var expected = Type == ValidationKind.Date ? "an ISO date (2026-01-31), a number" : "a number";
            errors.Add(new(path, "operand", $"A {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(Type.ToString())} validation compares with {expected} or a formula starting with '='. Given: '{value}'."));
        }
        else if (Type == ValidationKind.Whole && double.TryParse(formula, System.Globalization.CultureInfo.InvariantCulture, out var number) && number != Math.Floor(number))
        {
            errors.Add(new(path, "operand", $"A whole-number validation compares with whole numbers. Given: '{value}'."));
        }
    }

    private void ValidateList(WorkbookSession session, List<OperationError> errors)
    {
        if ((Items is null) == (Source is null))
        {
            errors.Add(new("items", "one_of", "A list validation needs either items or source, not both and not neither."));
            return;
        }

        if (Items is not null)
        {
            if (Items.Length == 0)
            {
                errors.Add(new("items", "items_empty", "items must hold at least one entry. Given: an empty array."));
            }

            for (var i = 0; i < Items.Length; i++)
            {
                if (string.IsNullOrEmpty(Items[i]) || Items[i].Contains(',', StringComparison.Ordinal))
                {
                    errors.Add(new($"items[{i}]", "list_item", $"A list item must be non-empty text without commas (Excel separates items with commas). Given: '{Items[i]}'."));
                }
            }

            var joined = string.Join(",", Items);
            if (joined.Length > MaxListLength)
            {
                errors.Add(new("items", "list_length", $"Excel limits a typed list to {MaxListLength} characters including the commas. Given: {joined.Length}. Put the items in cells and use source instead."));
            }

            return;
        }

        var source = Source!.Trim();
        if (source.StartsWith('='))
        {
            if (Formulas.FormulaSyntax.Problem(source) is { } problem)
            {
                errors.Add(new("source", "formula_syntax", $"{problem} Given: '{Source}'."));
            }
        }
        else if (!RangeAddress.TryParse(source, out _, out _)
            && session.Workbook.DefinedNames?.Elements<DefinedName>().Any(d => string.Equals(d.Name?.Value, source, StringComparison.OrdinalIgnoreCase)) != true)
        {
            errors.Add(new("source", "list_source", $"source must be a range such as Lists!A2:A20 or a defined name. Given: '{Source}'."));
        }
        else if (RangeAddress.TryParse(source, out _, out _))
        {
            session.TryResolve(source.Contains('!', StringComparison.Ordinal) ? source : $"{RangeAddress.QuoteSheet(session.Resolve(Range).Sheet.SheetName)}!{source}", "source", errors, out _, out _);
        }
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var validation = new DataValidation
        {
            Type = Type switch
            {
                ValidationKind.List => DataValidationValues.List,
                ValidationKind.Whole => DataValidationValues.Whole,
                ValidationKind.Decimal => DataValidationValues.Decimal,
                ValidationKind.Date => DataValidationValues.Date,
                ValidationKind.TextLength => DataValidationValues.TextLength,
                _ => DataValidationValues.Custom,
            },
            AllowBlank = AllowBlank ?? true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            SequenceOfReferences = new ListValue<StringValue>([new StringValue(range.Reference)]),
        };

        if (ErrorStyle is { } style && style != ValidationAlert.Stop)
        {
            validation.ErrorStyle = style == ValidationAlert.Warning ? DataValidationErrorStyleValues.Warning : DataValidationErrorStyleValues.Information;
        }

        // Assigning null to these properties would write empty attributes.
        if (ErrorTitle is not null)
        {
            validation.ErrorTitle = ErrorTitle;
        }

        if (ErrorMessage is not null)
        {
            validation.Error = ErrorMessage;
        }

        if (PromptTitle is not null)
        {
            validation.PromptTitle = PromptTitle;
        }

        if (Prompt is not null)
        {
            validation.Prompt = Prompt;
        }
        var formulas = FormulaTexts(session, range);
        if (Type is not (ValidationKind.List or ValidationKind.Custom) && Operator is { } op && op != ComparisonOperator.Between)
        {
            validation.Operator = Enum.Parse<DataValidationOperatorValues>(op.ToString());
        }

        validation.AppendChild(new Formula1(formulas[0]));
        if (formulas.Length > 1)
        {
            validation.AppendChild(new Formula2(formulas[1]));
        }

        var list = WorksheetLayout.GetOrInsert<DataValidations>(sheet.Worksheet);
        Uncover(list, range);
        list.AppendChild(validation);
        list.Count = (uint)list.Elements<DataValidation>().Count();
        return new Change("add_data_validation", range.ToString(), $"Added {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(Type.ToString())} validation to {range}: {string.Join(" / ", formulas)}");
    }

    private string[] FormulaTexts(WorkbookSession session, RangeAddress range)
    {
        switch (Type)
        {
            case ValidationKind.List when Items is not null:
                return ["\"" + string.Join(",", Items).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""];
            case ValidationKind.List:
                var source = Source!.Trim();
                if (source.StartsWith('='))
                {
                    return [source[1..]];
                }

                if (!RangeAddress.TryParse(source, out var parsed, out _))
                {
                    return [source];
                }

                var (items, _) = session.Resolve(source.Contains('!', StringComparison.Ordinal) ? source : $"{RangeAddress.QuoteSheet(range.Sheet!)}!{source}");
                return [DefineName.Absolute(string.Equals(items.Sheet, range.Sheet, StringComparison.OrdinalIgnoreCase) && parsed.Sheet is null ? items.WithSheet(null) : items)];
            case ValidationKind.Custom:
                return [Operands.Formula(Formula!.Trim().StartsWith('=') ? Formula : "=" + Formula)];
            default:
                return [.. Values!.Select(v => Operands.Formula(v, dates: Type == ValidationKind.Date))];
        }
    }

    /// <summary>A cell has at most one validation: take the new range out of the existing ones, dropping any left empty.</summary>
    private static void Uncover(DataValidations list, RangeAddress range)
    {
        foreach (var existing in list.Elements<DataValidation>().ToList())
        {
            var references = existing.SequenceOfReferences?.Items.Select(i => i.Value ?? "").ToList() ?? [];
            var kept = new List<string>();
            var changed = false;
            foreach (var reference in references)
            {
                if (!RangeAddress.TryParse(reference, out var area, out _) || !area.Intersects(range))
                {
                    kept.Add(reference);
                    continue;
                }

                changed = true;
                kept.AddRange(RangeSubtraction.Subtract(area, range.WithSheet(null)).Select(r => r.Reference));
            }

            if (!changed)
            {
                continue;
            }

            if (kept.Count == 0)
            {
                existing.Remove();
            }
            else
            {
                existing.SequenceOfReferences = new ListValue<StringValue>(kept.Select(k => new StringValue(k)));
            }
        }
    }
}
