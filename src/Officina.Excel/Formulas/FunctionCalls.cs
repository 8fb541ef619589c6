namespace Officina.Excel.Formulas;

/// <summary>One function call in formula text: its name (upper case, without <c>_xlfn.</c>) and where each argument is.</summary>
internal sealed record FunctionCall(string Name, IReadOnlyList<(int Start, int End)> Arguments)
{
    /// <summary>The argument's text, trimmed; empty when the call has no such argument.</summary>
    public string Argument(string formula, int index)
    {
        ArgumentNullException.ThrowIfNull(formula);
        return index < Arguments.Count ? formula[Arguments[index].Start..Arguments[index].End].Trim() : "";
    }
}

/// <summary>
/// Finds the function calls of a formula and the extent of each argument, skipping string
/// literals, quoted sheet names, structured references and array constants (whose commas
/// separate no arguments). Parentheses without a function name (grouping, unions) are no call.
/// </summary>
internal static class FunctionCalls
{
    public static IReadOnlyList<FunctionCall> Find(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var calls = new List<FunctionCall>();
        var open = new Stack<(string? Name, List<(int, int)> Arguments, int ArgumentStart)>();
        for (var i = 0; i < formula.Length; i++)
        {
            switch (formula[i])
            {
                case '"':
                    i = SkipTo(formula, i, '"');
                    break;
                case '\'':
                    i = SkipTo(formula, i, '\'');
                    break;
                case '[':
                    i = SkipBrackets(formula, i);
                    break;
                case '{':
                    i = SkipTo(formula, i, '}');
                    break;
                case '(':
                    open.Push((NameBefore(formula, i), [], i + 1));
                    break;
                case ',' when open.Count > 0:
                    var frame = open.Pop();
                    frame.Arguments.Add((frame.ArgumentStart, i));
                    open.Push(frame with { ArgumentStart = i + 1 });
                    break;
                case ')' when open.Count > 0:
                    var closed = open.Pop();
                    closed.Arguments.Add((closed.ArgumentStart, i));
                    if (closed.Name is { } name)
                    {
                        calls.Add(new FunctionCall(name, closed.Arguments));
                    }

                    break;
                default:
                    break;
            }
        }

        return calls;
    }

    /// <summary>The innermost call with an argument that is exactly <paramref name="start"/>..<paramref name="end"/> (spaces aside), and that argument's index.</summary>
    public static (FunctionCall Call, int Index)? ArgumentAt(string formula, IReadOnlyList<FunctionCall> calls, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(calls);
        foreach (var call in calls)
        {
            for (var a = 0; a < call.Arguments.Count; a++)
            {
                var (s, e) = call.Arguments[a];
                while (s < e && char.IsWhiteSpace(formula[s]))
                {
                    s++;
                }

                while (e > s && char.IsWhiteSpace(formula[e - 1]))
                {
                    e--;
                }

                if (s == start && e == end)
                {
                    return (call, a);
                }
            }
        }

        return null;
    }

    private static string? NameBefore(string formula, int paren)
    {
        var start = paren;
        while (start > 0 && (char.IsLetterOrDigit(formula[start - 1]) || formula[start - 1] is '.' or '_'))
        {
            start--;
        }

        if (start == paren || (!char.IsLetter(formula[start]) && formula[start] != '_'))
        {
            return null;
        }

        var name = formula[start..paren].ToUpperInvariant();
        foreach (var prefix in (ReadOnlySpan<string>)["_XLFN.", "_XLWS."])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
            }
        }

        return name;
    }

    private static int SkipTo(string formula, int i, char close)
    {
        for (i++; i < formula.Length; i++)
        {
            if (formula[i] == close)
            {
                // A doubled quote inside a string or a quoted sheet name is one quote.
                if (close != '}' && i + 1 < formula.Length && formula[i + 1] == close)
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return i;
    }

    private static int SkipBrackets(string formula, int i)
    {
        var depth = 0;
        for (; i < formula.Length; i++)
        {
            if (formula[i] == '[')
            {
                depth++;
            }
            else if (formula[i] == ']' && --depth == 0)
            {
                return i;
            }
        }

        return i;
    }
}
