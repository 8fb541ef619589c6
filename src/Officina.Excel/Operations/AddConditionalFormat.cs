using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Styles;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Where a new conditional format rule goes among the sheet's existing ones.</summary>
public enum RulePrecedence
{
    First,
    Last,
}

/// <summary>The kinds of conditional format rule <see cref="AddConditionalFormat"/> writes.</summary>
public enum ConditionalFormatRule
{
    CellValue,
    Expression,
    ColorScale,
    DataBar,
    TopN,
    BottomN,
    DuplicateValues,
    TextContains,
}

/// <summary>
/// Adds a conditional format rule to a range. Rules that highlight cells (cell_value,
/// expression, top_n, bottom_n, duplicate_values, text_contains) use a differential format
/// built from fill_color, font_color and bold (Excel's light red fill with dark red text when
/// none is given); color_scale and data_bar use their colors. By default the new rule comes
/// first, as in Excel's own "New Rule": it takes priority 1 and the sheet's existing rules
/// (including Excel 2010 rules in the worksheet's extensions) move down one, keeping their
/// order. With precedence last it takes the next free priority and the existing rules stay
/// exactly as they are.
/// </summary>
[Operation("add_conditional_format", "Highlight cells by rule, color scale or data bar.")]
public sealed record AddConditionalFormat(
    [property: Description("Range the rule applies to, e.g. 'Sales'!C2:C100")] string Range,
    [property: Description("Rule kind")] ConditionalFormatRule Rule,
    [property: Description("For cell_value: how the cell compares with values; null otherwise")] ComparisonOperator? Operator = null,
    [property: Description("For cell_value: 1 value (2 for between/not_between): numbers, text, or formulas starting with '='")] string[]? Values = null,
    [property: Description("For expression: a formula true for cells to format, written for the range's top-left cell, e.g. =$C2>$D2")] string? Formula = null,
    [property: Description("For color_scale: 2 or 3 colors low to high (#F8696B, #FFEB84, #63BE7B); for data_bar: 1 color; null for defaults")] string[]? Colors = null,
    [property: Description("For top_n/bottom_n: how many items (or percent); null for 10")] int? Rank = null,
    [property: Description("For top_n/bottom_n: true when rank is a percentage")] bool? Percent = null,
    [property: Description("For text_contains: the text to look for (case-insensitive)")] string? Text = null,
    [property: Description("Fill color of highlighted cells, e.g. #FFC7CE")] string? FillColor = null,
    [property: Description("Font color of highlighted cells, e.g. #9C0006")] string? FontColor = null,
    [property: Description("True for a bold font in highlighted cells")] bool? Bold = null,
    [property: Description("first (default): evaluated before the sheet's existing rules, as Excel adds a rule, so it shows where they overlap; last: after them")] RulePrecedence? Precedence = null)
    : WriteOperation<WorkbookSession>
{
    private static int PriorityOf(OpenXmlElement rule) =>
        int.TryParse(rule.GetAttributes().FirstOrDefault(a => a.LocalName == "priority").Value, CultureInfo.InvariantCulture, out var p) ? p : 0;

    private bool UsesDifferentialFormat => Rule is not (ConditionalFormatRule.ColorScale or ConditionalFormatRule.DataBar);

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
        trace.AddressesFormula(Formula);
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
        switch (Rule)
        {
            case ConditionalFormatRule.CellValue:
                if (Operator is not { } op)
                {
                    errors.Add(new("operator", "operator_required", "cell_value rules need an operator (between, greater_than, equal, …). Given: null."));
                    break;
                }

                var needed = Operands.Count(op);
                if (Values is null || Values.Length != needed)
                {
                    errors.Add(new("values", "values_count", $"The operator {Name(op)} compares with {needed} value(s). Given: {Values?.Length ?? 0}."));
                    break;
                }

                for (var i = 0; i < Values.Length; i++)
                {
                    if (Operands.Problem(Values[i]) is { } problem)
                    {
                        errors.Add(new($"values[{i}]", "operand", problem));
                    }
                }

                break;
            case ConditionalFormatRule.Expression:
                if (string.IsNullOrWhiteSpace(Formula))
                {
                    errors.Add(new("formula", "formula_required", "expression rules need a formula, e.g. =$C2>$D2. Given: null."));
                }
                else if (Formulas.FormulaSyntax.Problem(Formula) is { } syntax)
                {
                    errors.Add(new("formula", "formula_syntax", $"{syntax} Given: '{Formula}'."));
                }

                break;
            case ConditionalFormatRule.ColorScale when Colors is not null && Colors.Length is not (2 or 3):
                errors.Add(new("colors", "colors_count", $"A color scale has 2 or 3 colors. Given: {Colors.Length}."));
                break;
            case ConditionalFormatRule.DataBar when Colors is not null && Colors.Length != 1:
                errors.Add(new("colors", "colors_count", $"A data bar has 1 color. Given: {Colors.Length}."));
                break;
            case ConditionalFormatRule.TopN or ConditionalFormatRule.BottomN when Rank is { } rank && (rank < 1 || rank > (Percent == true ? 100 : 1000)):
                errors.Add(new("rank", "rank_range", $"rank is 1 to {(Percent == true ? "100 (percent)" : "1000")}. Given: {rank}."));
                break;
            case ConditionalFormatRule.TextContains when string.IsNullOrEmpty(Text) || Text.Length > 255:
                errors.Add(new("text", "text_required", $"text_contains rules need the text to look for (1 to 255 characters). Given: '{Text}'."));
                break;
        }

        for (var i = 0; i < (Colors?.Length ?? 0); i++)
        {
            if (ColorCodes.ToArgb(Colors![i]) is null)
            {
                errors.Add(new($"colors[{i}]", "color", ColorCodes.Problem(Colors[i])));
            }
        }

        foreach (var (path, color) in new[] { ("fill_color", FillColor), ("font_color", FontColor) })
        {
            if (color is not null && ColorCodes.ToArgb(color) is null)
            {
                errors.Add(new(path, "color", ColorCodes.Problem(color)));
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var worksheet = sheet.Worksheet;
        var existing = worksheet.Descendants().Where(e => e.LocalName == "cfRule").ToList();
        int priority;
        if (Precedence == RulePrecedence.Last)
        {
            priority = existing.Select(PriorityOf).DefaultIfEmpty(0).Max() + 1;
        }
        else
        {
            priority = 1;
            foreach (var other in existing)
            {
                other.SetAttribute(new OpenXmlAttribute("priority", "", (PriorityOf(other) + 1).ToString(CultureInfo.InvariantCulture)));
            }
        }

        var rule = CreateRule(range.TopLeft.A1);
        rule.Priority = priority;
        if (UsesDifferentialFormat)
        {
            rule.FormatId = session.Styles.AddDifferentialFormat(DifferentialFormat());
        }

        var formatting = new ConditionalFormatting(rule) { SequenceOfReferences = new ListValue<StringValue>([new StringValue(range.Reference)]) };
        WorksheetLayout.Insert(worksheet, formatting);
        return new Change("add_conditional_format", range.ToString(), $"Added a {Rule.ToString()} conditional format to {range} (priority {priority})");
    }

    private ConditionalFormattingRule CreateRule(string topLeft)
    {
        switch (Rule)
        {
            case ConditionalFormatRule.CellValue:
                var cell = new ConditionalFormattingRule { Type = ConditionalFormatValues.CellIs, Operator = XmlOperator(Operator!.Value) };
                foreach (var value in Values!)
                {
                    cell.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Formula(Operands.Formula(value)));
                }

                return cell;
            case ConditionalFormatRule.Expression:
                return new ConditionalFormattingRule(new DocumentFormat.OpenXml.Spreadsheet.Formula(Operands.Formula(Formula!.Trim().StartsWith('=') ? Formula : "=" + Formula)))
                {
                    Type = ConditionalFormatValues.Expression,
                };
            case ConditionalFormatRule.ColorScale:
                string[] colors = [.. (Colors ?? ["#F8696B", "#FFEB84", "#63BE7B"]).Select(c => ColorCodes.ToArgb(c)!)];
                var scale = new ColorScale(new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Min });
                if (colors.Length == 3)
                {
                    scale.AppendChild(new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Percentile, Val = "50" });
                }

                scale.AppendChild(new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Max });
                foreach (var color in colors)
                {
                    scale.AppendChild(new Color { Rgb = color });
                }

                return new ConditionalFormattingRule(scale) { Type = ConditionalFormatValues.ColorScale };
            case ConditionalFormatRule.DataBar:
                return new ConditionalFormattingRule(new DataBar(
                    new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Min },
                    new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Max },
                    new Color { Rgb = ColorCodes.ToArgb(Colors?[0] ?? "#638EC6") }))
                { Type = ConditionalFormatValues.DataBar };
            case ConditionalFormatRule.TopN or ConditionalFormatRule.BottomN:
                return new ConditionalFormattingRule
                {
                    Type = ConditionalFormatValues.Top10,
                    Rank = (uint)(Rank ?? 10),
                    Bottom = Rule == ConditionalFormatRule.BottomN ? true : null,
                    Percent = Percent == true ? true : null,
                };
            case ConditionalFormatRule.DuplicateValues:
                return new ConditionalFormattingRule { Type = ConditionalFormatValues.DuplicateValues };
            default:
                var quoted = "\"" + Text!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                return new ConditionalFormattingRule(new DocumentFormat.OpenXml.Spreadsheet.Formula($"NOT(ISERROR(SEARCH({quoted},{topLeft})))"))
                {
                    Type = ConditionalFormatValues.ContainsText, Operator = ConditionalFormattingOperatorValues.ContainsText, Text = Text,
                };
        }
    }

    /// <summary>The highlight: font (bold, color) before fill, as the dxf schema orders them.</summary>
    private DifferentialFormat DifferentialFormat()
    {
        var plain = FillColor is null && FontColor is null && Bold is null;
        var fontColor = ColorCodes.ToArgb(FontColor) ?? (plain ? "FF9C0006" : null);
        var fillColor = ColorCodes.ToArgb(FillColor) ?? (plain ? "FFFFC7CE" : null);
        var format = new DifferentialFormat();
        if (Bold == true || fontColor is not null)
        {
            var font = new Font();
            if (Bold == true)
            {
                font.AppendChild(new Bold());
            }

            if (fontColor is not null)
            {
                font.AppendChild(new Color { Rgb = fontColor });
            }

            format.AppendChild(font);
        }

        if (fillColor is not null)
        {
            format.AppendChild(new Fill(new PatternFill(new BackgroundColor { Rgb = fillColor })));
        }

        return format;
    }

    private static ConditionalFormattingOperatorValues XmlOperator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Between => ConditionalFormattingOperatorValues.Between,
        ComparisonOperator.NotBetween => ConditionalFormattingOperatorValues.NotBetween,
        ComparisonOperator.Equal => ConditionalFormattingOperatorValues.Equal,
        ComparisonOperator.NotEqual => ConditionalFormattingOperatorValues.NotEqual,
        ComparisonOperator.GreaterThan => ConditionalFormattingOperatorValues.GreaterThan,
        ComparisonOperator.LessThan => ConditionalFormattingOperatorValues.LessThan,
        ComparisonOperator.GreaterThanOrEqual => ConditionalFormattingOperatorValues.GreaterThanOrEqual,
        _ => ConditionalFormattingOperatorValues.LessThanOrEqual,
    };

    private static string Name(ComparisonOperator op) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(op.ToString());
}
