using System.Text.RegularExpressions;

namespace Officina.Excel.Formulas;

/// <summary>
/// Functions added to Excel after 2007 are stored in files with an <c>_xlfn.</c> prefix
/// (FILTER and SORT with <c>_xlfn._xlws.</c>); without it Excel shows #NAME?. Plans are
/// written without prefixes; they are added on write and removed for display.
/// </summary>
public static partial class FunctionNames
{
    private static readonly HashSet<string> Worksheet = new(StringComparer.OrdinalIgnoreCase) { "FILTER", "SORT" };

    private static readonly HashSet<string> Future = new(StringComparer.OrdinalIgnoreCase)
    {
        "ACOT", "ACOTH", "AGGREGATE", "ARABIC", "ARRAYTOTEXT", "BASE", "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.DIST.RANGE",
        "BINOM.INV", "BITAND", "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "BYCOL", "BYROW", "CEILING.MATH", "CEILING.PRECISE",
        "CHISQ.DIST", "CHISQ.DIST.RT", "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST", "CHOOSECOLS", "CHOOSEROWS", "COMBINA", "CONCAT",
        "CONFIDENCE.NORM", "CONFIDENCE.T", "COT", "COTH", "COVARIANCE.P", "COVARIANCE.S", "CSC", "CSCH", "DAYS", "DECIMAL", "DROP",
        "ENCODEURL", "ERF.PRECISE", "ERFC.PRECISE", "EXPAND", "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST",
        "FILTERXML", "FLOOR.MATH", "FLOOR.PRECISE", "FORECAST.ETS", "FORECAST.ETS.CONFINT", "FORECAST.ETS.SEASONALITY",
        "FORECAST.ETS.STAT", "FORECAST.LINEAR", "FORMULATEXT", "GAMMA", "GAMMA.DIST", "GAMMA.INV", "GAMMALN.PRECISE", "GAUSS",
        "HSTACK", "HYPGEOM.DIST", "IFNA", "IFS", "IMCOSH", "IMCOT", "IMCSC", "IMCSCH", "IMSEC", "IMSECH", "IMSINH", "IMTAN",
        "ISFORMULA", "ISOMITTED", "ISOWEEKNUM", "LAMBDA", "LET", "LOGNORM.DIST", "LOGNORM.INV", "MAKEARRAY", "MAP", "MAXIFS",
        "MINIFS", "MODE.MULT", "MODE.SNGL", "MUNIT", "NEGBINOM.DIST", "NETWORKDAYS.INTL", "NORM.DIST", "NORM.INV", "NORM.S.DIST",
        "NORM.S.INV", "NUMBERVALUE", "PDURATION", "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC", "PERCENTRANK.INC",
        "PERMUTATIONA", "PHI", "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC", "RANDARRAY", "RANK.AVG", "RANK.EQ", "REDUCE", "RRI",
        "SCAN", "SEC", "SECH", "SEQUENCE", "SHEET", "SHEETS", "SINGLE", "SKEW.P", "SORTBY", "STDEV.P", "STDEV.S", "SWITCH", "T.DIST",
        "T.DIST.2T", "T.DIST.RT", "T.INV", "T.INV.2T", "T.TEST", "TAKE", "TEXTAFTER", "TEXTBEFORE", "TEXTJOIN", "TEXTSPLIT", "TOCOL",
        "TOROW", "UNICHAR", "UNICODE", "UNIQUE", "VALUETOTEXT", "VAR.P", "VAR.S", "VSTACK", "WEBSERVICE", "WEIBULL.DIST",
        "WORKDAY.INTL", "WRAPCOLS", "WRAPROWS", "XLOOKUP", "XMATCH", "XOR", "Z.TEST",
    };

    /// <summary>Adds <c>_xlfn.</c> (and <c>_xlws.</c>) to newer function names that lack it.</summary>
    public static string AddFutureFunctionPrefixes(string formula) => RewriteOutsideStrings(formula, segment =>
        FunctionCall().Replace(segment, m =>
        {
            var name = m.Groups["name"].Value;
            if (m.Groups["prefix"].Success)
            {
                return m.Value;
            }

            var prefix = Worksheet.Contains(name) ? "_xlfn._xlws." : Future.Contains(name) ? "_xlfn." : "";
            return prefix + m.Value;
        }));

    /// <summary>Removes storage prefixes, giving the formula as Excel shows it.</summary>
    public static string RemovePrefixes(string formula) =>
        RewriteOutsideStrings(formula, segment => segment.Replace("_xlfn._xlws.", "", StringComparison.OrdinalIgnoreCase)
            .Replace("_xlfn.", "", StringComparison.OrdinalIgnoreCase).Replace("_xlpm.", "", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a function (without prefix) is one that needs <c>_xlfn.</c> in files.</summary>
    public static bool IsFutureFunction(string name) => Future.Contains(name) || Worksheet.Contains(name);

    /// <summary>Applies <paramref name="rewrite"/> to the parts of a formula outside string literals.</summary>
    internal static string RewriteOutsideStrings(string formula, Func<string, string> rewrite)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var builder = new System.Text.StringBuilder(formula.Length + 16);
        var start = 0;
        var i = 0;
        while (i < formula.Length)
        {
            if (formula[i] != '"')
            {
                i++;
                continue;
            }

            builder.Append(rewrite(formula[start..i]));
            var end = i + 1;
            while (end < formula.Length && !(formula[end] == '"' && (end + 1 >= formula.Length || formula[end + 1] != '"')))
            {
                end += formula[end] == '"' ? 2 : 1;
            }

            end = Math.Min(end + 1, formula.Length);
            builder.Append(formula, i, end - i);
            i = start = end;
        }

        return builder.Append(rewrite(formula[start..])).ToString();
    }

    [GeneratedRegex(@"(?<![\w.])(?<prefix>_xlfn\.(?:_xlws\.)?)?(?<name>[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)(?=\s*\()")]
    private static partial Regex FunctionCall();
}
