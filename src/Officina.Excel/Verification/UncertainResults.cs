using System.Text.RegularExpressions;

namespace Officina.Excel.Verification;

/// <summary>
/// Results no engine here can be sure of, turned into "not computed" so that the cell keeps
/// the cached value Excel wrote and is listed as not recalculated:
/// <list type="bullet">
/// <item>CUBE functions, RTD and WEBSERVICE read an outside data source (an OLAP cube, a
/// server); neither ClosedXML nor LibreOffice (sandboxed, offline) reaches it, and both answer
/// <c>#NAME?</c> or <c>#N/A</c> where Excel shows a value;</item>
/// <item>SUBTOTAL and AGGREGATE over structured references (a table's total row:
/// <c>SUBTOTAL(109,[Income])</c>): ClosedXML cannot resolve <c>[Column]</c>, and both ignore the
/// rows a table filter hid differently from Excel;</item>
/// <item>references to other workbooks (<c>[1]Sheet1!A1</c>, <c>'[book.xlsx]Sheet0'!A1</c>,
/// <c>['file:///…/book.xlsx']Sheet1!A1</c>): the other file is not here, so the engines answer
/// <c>#REF!</c> or <c>#N/A</c> where Excel shows the value it last read (apache/poi
/// link-external-workbook-b.xlsx, 52575_main.xlsx);</item>
/// <item><c>#NAME?</c> for any formula with a structured reference: the engine did not resolve
/// the table, which Excel does.</item>
/// </list>
/// </summary>
internal static partial class UncertainResults
{
    public static FormulaResult Judge(FormulaCell cell, FormulaResult result)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (OutsideData().Match(cell.Formula) is { Success: true } outside)
        {
            return FormulaResult.NotComputed($"{outside.Groups[1].Value.ToUpperInvariant()} reads an outside data source no engine here can reach");
        }

        if (ExternalReference().IsMatch(cell.Formula))
        {
            return FormulaResult.NotComputed("it reads another workbook, which is not here to read");
        }

        var structured = StructuredReference().IsMatch(cell.Formula);
        if (structured && Subtotal().Match(cell.Formula) is { Success: true } subtotal)
        {
            return FormulaResult.NotComputed($"{subtotal.Groups[1].Value.ToUpperInvariant()} over a table's structured reference is left to Excel (hidden and filtered rows)");
        }

        return structured && result.Kind == FormulaResultKind.Error && string.Equals(result.Text, "#NAME?", StringComparison.OrdinalIgnoreCase)
            ? FormulaResult.NotComputed("the engine could not resolve the structured reference (#NAME?), which Excel does")
            : result;
    }

    [GeneratedRegex(@"\b(CUBE(?:MEMBER|VALUE|SET|RANKEDMEMBER|MEMBERPROPERTY|KPIMEMBER|SETCOUNT)|RTD|WEBSERVICE)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideData();

    /// <summary>A bracketed workbook before a sheet name and <c>!</c> (a table's <c>[Column]</c> is never followed by one), or a URL path.</summary>
    [GeneratedRegex(@"\[[^\[\]]+\][^!(),;+\-*/&^=<>\[\]]*!|'(?:file|https?|ftp)://", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"\b(SUBTOTAL|AGGREGATE)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Subtotal();

    [GeneratedRegex(@"(?:^|[^""])\[[^\]""]*\]")]
    private static partial Regex StructuredReference();
}
