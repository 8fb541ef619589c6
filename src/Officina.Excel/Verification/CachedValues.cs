using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using XmlCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Verification;

/// <summary>
/// Writes computed values into formula cells as their cached value (<c>&lt;v&gt;</c>), so
/// viewers that do not recalculate show numbers. Only the value and its type change; the
/// formula, style and everything else of the cell stay.
/// </summary>
internal static class CachedValues
{
    /// <summary>Returns whether the cell changed.</summary>
    public static bool Write(Cell cell, FormulaResult result)
    {
        ArgumentNullException.ThrowIfNull(cell);
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
