namespace Officina.Excel.Verification;

/// <summary>
/// Whether a formula's value is a boolean by its form: a comparison at its top level
/// (<c>=A1&gt;B1</c>) or one call of a logical or IS function spanning the whole formula
/// (<c>=AND(K3:K37)</c>, <c>=ISBLANK(A1)</c>). Engines that have no boolean type answer 1 or 0.
/// </summary>
internal static class BooleanFormulas
{
    private static readonly HashSet<string> Logical = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "XOR", "TRUE", "FALSE", "EXACT", "ISBLANK", "ISERR", "ISERROR", "ISNA", "ISNUMBER", "ISTEXT",
        "ISNONTEXT", "ISLOGICAL", "ISREF", "ISEVEN", "ISODD", "ISFORMULA", "_XLFN.ISFORMULA", "_XLFN.XOR",
    };

    public static bool IsBoolean(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var text = formula.Trim().TrimStart('=').Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && Logical.Contains(text[..open].Trim()) && Close(text, open) == text.Length - 1)
        {
            return true;
        }

        return HasTopLevelComparison(text);
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, or -1.</summary>
    private static int Close(string text, int open)
    {
        var depth = 0;
        var quoted = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasTopLevelComparison(string text)
    {
        var depth = 0;
        var quoted = false;
        var sheetQuoted = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '"' when !sheetQuoted:
                    quoted = !quoted;
                    break;
                case '\'' when !quoted:
                    sheetQuoted = !sheetQuoted;
                    break;
                case '(' or '{' or '[' when !quoted && !sheetQuoted:
                    depth++;
                    break;
                case ')' or '}' or ']' when !quoted && !sheetQuoted:
                    depth--;
                    break;
                case '=' or '<' or '>' when !quoted && !sheetQuoted && depth == 0:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }
}
