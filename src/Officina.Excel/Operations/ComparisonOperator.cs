namespace Officina.Excel.Operations;

/// <summary>How a cell's value is compared with one value (or two, for between and not_between).</summary>
public enum ComparisonOperator
{
    Between,
    NotBetween,
    Equal,
    NotEqual,
    GreaterThan,
    LessThan,
    GreaterThanOrEqual,
    LessThanOrEqual,
}

/// <summary>Reads the literal-or-formula operands that conditional formats and data validations compare with.</summary>
internal static class Operands
{
    public static int Count(ComparisonOperator op) => op is ComparisonOperator.Between or ComparisonOperator.NotBetween ? 2 : 1;

    /// <summary>
    /// The formula text for an operand: <c>=B1*2</c> stays a formula (without '='), a number stays
    /// a number, an ISO date becomes its serial when <paramref name="dates"/>, anything else is a
    /// quoted text literal.
    /// </summary>
    public static string Formula(string value, bool dates = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.StartsWith('='))
        {
            return Formulas.FunctionNames.AddFutureFunctionPrefixes(text[1..]);
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (dates && Cells.IsoDates.TryParse(text, out var serial))
        {
            return serial.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Why an operand cannot be used, or null.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() == "=")
        {
            return "An operand must be a number, text, an ISO date or a formula starting with '='. Given: an empty string.";
        }

        return value.TrimStart().StartsWith('=') && Formulas.FormulaSyntax.Problem(value) is { } problem ? $"{problem} Given: '{value}'." : null;
    }
}
