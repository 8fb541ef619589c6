using Officina.Excel.Cells;
using Officina.Operations;

namespace Officina.Excel.Layout;

/// <summary>Resolves a <c>sheet</c> property (null means the only worksheet) for sheet-level operations.</summary>
public static class SheetTargets
{
    public static bool TryResolveSheet(this WorkbookSession session, string? name, string property, ICollection<OperationError> errors, out SheetCells sheet)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(errors);
        sheet = null!;
        var wanted = string.IsNullOrWhiteSpace(name) ? session.DefaultSheet : name.Trim();
        if (wanted is null)
        {
            errors.Add(new OperationError(property, "sheet_required",
                $"The workbook has several sheets, so {property} must name one. Sheets: {string.Join(", ", session.Sheets.Select(s => $"'{s.Name}'"))}."));
            return false;
        }

        if (wanted.Length >= 2 && wanted[0] == '\'' && wanted[^1] == '\'')
        {
            wanted = wanted[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        var found = session.Sheet(wanted);
        if (found is null)
        {
            errors.Add(new OperationError(property, "sheet_exists",
                $"There is no worksheet named '{wanted}'. Sheets: {string.Join(", ", session.Sheets.Select(s => $"'{s.Name}'"))}."));
            return false;
        }

        sheet = found;
        return true;
    }

    public static SheetCells ResolveSheet(this WorkbookSession session, string? name)
    {
        var errors = new List<OperationError>();
        return session.TryResolveSheet(name, "sheet", errors, out var sheet) ? sheet : throw new InvalidOperationException(errors[0].Message);
    }
}
