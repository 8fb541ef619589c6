using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;

namespace Officina.Excel.Names;

/// <summary>
/// Excel's rules for defined names and table names, which share one namespace: a table
/// cannot take a defined name's name and the other way round.
/// </summary>
public static partial class WorkbookNames
{
    public const int MaxLength = 255;

    /// <summary>Why <paramref name="name"/> cannot name a range or table, or null when it can.</summary>
    public static string? Problem(string? name, string what = "A name")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"{what} must not be empty.";
        }

        if (name.Length > MaxLength)
        {
            return $"{what} must be at most {MaxLength} characters. Given: '{name[..20]}…' ({name.Length}).";
        }

        if (!(char.IsLetter(name[0]) || name[0] is '_' or '\\'))
        {
            return $"{what} must start with a letter, an underscore or a backslash. Given: '{name}'.";
        }

        var bad = name.FirstOrDefault(c => !(char.IsLetterOrDigit(c) || c is '_' or '.' or '\\' or '?'));
        if (bad != default)
        {
            return $"{what} may hold only letters, digits, underscores, periods and backslashes (no spaces or '{(bad == ' ' ? "space" : bad.ToString())}'). Given: '{name}'.";
        }

        if (LooksLikeReference(name))
        {
            return $"{what} must not look like a cell reference (A1 or R1C1 style), because formulas would read it as one. Given: '{name}'.";
        }

        return null;
    }

    /// <summary>True for <c>B12</c>, <c>TAX2023</c>, <c>R1C1</c>, <c>R</c>, <c>C</c>, <c>RC</c>, <c>R2</c>, <c>C3</c>.</summary>
    public static bool LooksLikeReference(string name) =>
        CellAddress.TryParse(name, out _) || R1C1().IsMatch(name);

    /// <summary>Every table's name in the workbook, with the sheet that holds it.</summary>
    public static IEnumerable<(string Name, WorksheetPart Sheet, Table Table)> Tables(WorkbookPart workbookPart)
    {
        ArgumentNullException.ThrowIfNull(workbookPart);
        foreach (var sheet in workbookPart.WorksheetParts)
        {
            foreach (var part in sheet.TableDefinitionParts)
            {
                if (part.Table is { } table)
                {
                    yield return (table.DisplayName?.Value ?? table.Name?.Value ?? "", sheet, table);
                }
            }
        }
    }

    /// <summary>Why <paramref name="name"/> clashes with an existing table or defined name, or null.</summary>
    public static string? Clash(WorkbookSession session, string name, bool checkDefinedNames)
    {
        ArgumentNullException.ThrowIfNull(session);
        var table = Tables(session.WorkbookPart).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (table.Table is not null)
        {
            return $"A table named '{table.Name}' already exists (table and range names share one namespace, case-insensitive).";
        }

        var defined = checkDefinedNames
            ? session.Workbook.DefinedNames?.Elements<DefinedName>().FirstOrDefault(d => string.Equals(d.Name?.Value, name, StringComparison.OrdinalIgnoreCase))
            : null;
        return defined is null ? null : $"A defined name '{defined.Name!.Value}' already exists (table and range names share one namespace, case-insensitive).";
    }

    [GeneratedRegex(@"^(?:[Rr]\d*[Cc]?\d*|[Cc]\d*)$", RegexOptions.CultureInvariant)]
    private static partial Regex R1C1();
}
