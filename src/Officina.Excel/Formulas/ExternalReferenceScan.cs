using System.Text;
using System.Text.RegularExpressions;

namespace Officina.Excel.Formulas;

/// <summary>
/// Finds what in a formula reaches outside the workbook: DDE links (<c>=cmd|'/C calc'!A0</c>),
/// functions that call out (DDE, RTD, CALL, REGISTER.ID, WEBSERVICE), references to other
/// workbooks (<c>[x.xlsx]Sheet1!A1</c>, <c>'C:\dir\[x.xlsx]Sheet1'!A1</c>,
/// <c>'\\server\share\[x.xlsx]Sheet1'!A1</c>, <c>x.xlsx!Name</c>) and URLs or file paths.
/// Text inside string literals is data, not a reference, and is not looked at.
/// </summary>
public static partial class ExternalReferenceScan
{
    private static readonly string[] WorkbookExtensions = [".xls", ".xlsx", ".xlsm", ".xlsb", ".xla", ".xlam", ".xlt", ".xltx", ".xltm", ".ods", ".csv"];

    /// <summary>What reaches outside the workbook (a short description naming it), or null when nothing does.</summary>
    /// <param name="sheetNames">The workbook's sheets, so that a sheet named like a file (<c>'x.xlsx'!A1</c>) is not taken for another workbook.</param>
    public static string? Find(string formula, IEnumerable<string>? sheetNames = null)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var code = WithoutStringLiterals(formula);
        if (code.Contains('|', StringComparison.Ordinal))
        {
            return "a DDE link (application|topic!item)";
        }

        if (CallingFunction().Match(code) is { Success: true } call)
        {
            return $"the function {call.Groups["name"].Value.ToUpperInvariant()}, which reaches outside the workbook";
        }

        if (Url().Match(code) is { Success: true } url)
        {
            return $"a URL or file path ({url.Value})";
        }

        if (code.Contains(@"\\", StringComparison.Ordinal))
        {
            return "a network path (\\\\server\\share)";
        }

        foreach (Match quoted in QuotedPrefix().Matches(code))
        {
            var name = quoted.Groups["name"].Value;
            // ':' stays allowed: 'Jan 2026:Mar 2026'!A1 is a 3-D reference across this workbook's sheets.
            if (name.IndexOfAny(['[', ']', '\\', '/']) >= 0)
            {
                return $"a reference to another workbook ('{name}'!)";
            }
        }

        if (BookPrefix().Match(code) is { Success: true } book)
        {
            return $"a reference to another workbook ({book.Value})";
        }

        var sheets = new HashSet<string>(sheetNames ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (Match prefix in UnquotedPrefix().Matches(code))
        {
            var name = prefix.Groups["name"].Value;
            if (!sheets.Contains(name) && WorkbookExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                return $"a reference to another workbook ({name}!)";
            }
        }

        return null;
    }

    /// <summary>The formula with every "string literal" emptied (kept as <c>""</c>), so that only references and names remain.</summary>
    private static string WithoutStringLiterals(string formula)
    {
        var code = new StringBuilder(formula.Length);
        for (var i = 0; i < formula.Length; i++)
        {
            if (formula[i] != '"')
            {
                code.Append(formula[i]);
                continue;
            }

            i++;
            while (i < formula.Length && !(formula[i] == '"' && (i + 1 >= formula.Length || formula[i + 1] != '"')))
            {
                i += formula[i] == '"' ? 2 : 1;
            }

            code.Append("\"\"");
        }

        return code.ToString();
    }

    [GeneratedRegex(@"(?<![\w.])(?<name>_xlfn\.WEBSERVICE|DDE|DDEAUTO|RTD|CALL|REGISTER\.ID|REGISTER|WEBSERVICE|EXEC)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CallingFunction();

    [GeneratedRegex(@"(?:https?|ftp|file|smb)\s*:\s*//|(?<![\w'])[A-Za-z]:[\\/]", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"'(?<name>(?:[^']|'')*)'\s*!")]
    private static partial Regex QuotedPrefix();

    /// <summary>An unquoted [book]Sheet! or [1]Sheet! — brackets directly followed by name characters and '!'. Table columns (Table1[Col]) are never followed by '!'.</summary>
    [GeneratedRegex(@"\[[^\[\]]+\][^\s()+\-*/&^=<>,;:!'""\[\]{}%]*!")]
    private static partial Regex BookPrefix();

    [GeneratedRegex(@"(?<![\w.'\]])(?<name>[A-Za-z_\\][\w.]*)!")]
    private static partial Regex UnquotedPrefix();
}
