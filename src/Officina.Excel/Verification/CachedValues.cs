using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Verification;

/// <summary>
/// Writes computed values into formula cells as their cached value (<c>&lt;v&gt;</c>), so
/// viewers that do not recalculate show numbers. Only the value and its type change; the
/// formula, style and everything else of the cell stay. The value keeps the type Excel gives
/// it: a boolean is <c>t="b"</c> (an engine that answers 1 or 0 for <c>AND(…)</c>, or for a cell
/// the input cached as a boolean, is read as TRUE or FALSE), text <c>t="str"</c>, an error
/// <c>t="e"</c>, a number no <c>t</c>. A result not computed writes nothing: the cell keeps its value.
/// </summary>
internal static class CachedValues
{
    /// <summary>Returns whether the cell changed.</summary>
    public static bool Write(Cell cell, string formula, FormulaResult result)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(formula);
        if (result.Kind == FormulaResultKind.Number && result.Number is 0 or 1
            && (cell.DataType?.Value == CellValues.Boolean || BooleanFormulas.IsBoolean(formula)))
        {
            result = FormulaResult.FromBoolean(result.Number == 1);
        }

        CellValues? type;
        string text;
        switch (result.Kind)
        {
            case FormulaResultKind.Number:
                type = null;
                text = result.Number.ToString("R", CultureInfo.InvariantCulture);
                break;
            case FormulaResultKind.Boolean:
                type = CellValues.Boolean;
                text = result.Boolean ? "1" : "0";
                break;
            case FormulaResultKind.Error:
                type = CellValues.Error;
                text = result.Text ?? "#VALUE!";
                break;
            case FormulaResultKind.Text:
                type = CellValues.String;
                text = result.Text ?? "";
                break;
            default:
                return false;
        }

        if (cell.CellValue?.Text == text && cell.DataType?.Value == type)
        {
            return false;
        }

        cell.InlineString = null;
        cell.DataType = type is { } t ? t : null;
        cell.CellValue = new XmlCellValue(text);
        return true;
    }
}
