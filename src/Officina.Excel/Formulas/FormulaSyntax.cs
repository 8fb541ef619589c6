namespace Officina.Excel.Formulas;

/// <summary>Cheap structural checks on formula text before it is written: balanced parentheses, closed strings and quotes.</summary>
public static class FormulaSyntax
{
    /// <summary>What is wrong with <paramref name="formula"/>, or null when its structure is sound.</summary>
    public static string? Problem(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var depth = 0;
        var braces = 0;
        for (var i = 0; i < formula.Length; i++)
        {
            switch (formula[i])
            {
                case '"':
                    i++;
                    while (i < formula.Length && !(formula[i] == '"' && (i + 1 >= formula.Length || formula[i + 1] != '"')))
                    {
                        i += formula[i] == '"' ? 2 : 1;
                    }

                    if (i >= formula.Length)
                    {
                        return "The formula has a string that is never closed with \".";
                    }

                    break;
                case '\'':
                    i++;
                    while (i < formula.Length && !(formula[i] == '\'' && (i + 1 >= formula.Length || formula[i + 1] != '\'')))
                    {
                        i += formula[i] == '\'' ? 2 : 1;
                    }

                    if (i >= formula.Length)
                    {
                        return "The formula has a quoted sheet name that is never closed with '.";
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0)
                    {
                        return $"The formula closes a parenthesis that was never opened (at character {i + 1}).";
                    }

                    break;
                case '{':
                    braces++;
                    break;
                case '}':
                    braces--;
                    break;
            }
        }

        if (depth > 0)
        {
            return $"The formula leaves {depth} parenthesis(es) open.";
        }

        return braces != 0 ? "The formula's array constant braces { } do not match." : null;
    }
}
