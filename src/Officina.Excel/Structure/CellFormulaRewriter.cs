using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;

namespace Officina.Excel.Structure;

/// <summary>
/// Rewrites the formulas of one sheet's cells. A shared-formula group stays shared when
/// rewriting its master and shifting gives every member the formula it would get on its own;
/// otherwise the group is split into plain formulas, each rewritten alone.
/// </summary>
internal static class CellFormulaRewriter
{
    /// <summary>Rewrites every formula cell of <paramref name="cells"/>; returns how many changed.</summary>
    public static int Rewrite(SheetCells cells, Func<string, string, string> rewrite, Func<string, CellAddress, CellAddress?> move)
    {
        var sheet = cells.SheetName;
        var changed = 0;
        var groups = new Dictionary<uint, SharedGroup>();
        var cancellation = cells.Cancellation;
        foreach (var row in cells.Rows)
        {
            cancellation.ThrowIfCancellationRequested();
            var rowIndex = (int)row.RowIndex!.Value;
            foreach (var cell in row.Elements<Cell>())
            {
                if (cell.CellFormula is not { } formula)
                {
                    continue;
                }

                var address = new CellAddress(rowIndex, SheetCells.ColumnOf(cell));
                if (formula.FormulaType?.Value == CellFormulaValues.Shared && formula.SharedIndex?.Value is { } si)
                {
                    if (!groups.TryGetValue(si, out var group))
                    {
                        groups[si] = group = new SharedGroup();
                    }

                    if (!string.IsNullOrEmpty(formula.Text))
                    {
                        group.Master = (address, cell);
                    }

                    group.Members.Add((address, cell));
                    continue;
                }

                if (!string.IsNullOrEmpty(formula.Text))
                {
                    var updated = rewrite(formula.Text, sheet);
                    if (updated != formula.Text)
                    {
                        formula.Text = updated;
                        changed++;
                    }
                }

                if (formula.Reference?.Value is { } reference)
                {
                    formula.Reference = RewriteRange(reference, sheet, rewrite) ?? reference;
                }
            }
        }

        foreach (var group in groups.Values)
        {
            changed += group.Rewrite(sheet, rewrite, move);
        }

        return changed;
    }

    private static string? RewriteRange(string reference, string sheet, Func<string, string, string> rewrite)
    {
        var updated = rewrite(reference, sheet);
        return updated.Contains(FormulaReferences.RefError, StringComparison.Ordinal) ? null : updated;
    }

    private sealed class SharedGroup
    {
        public (CellAddress Address, Cell Cell)? Master { get; set; }

        public List<(CellAddress Address, Cell Cell)> Members { get; } = [];

        public int Rewrite(string sheet, Func<string, string, string> rewrite, Func<string, CellAddress, CellAddress?> move)
        {
            if (Master is not { } master)
            {
                return 0;
            }

            var text = master.Cell.CellFormula!.Text;
            var updatedMaster = rewrite(text, sheet);
            var newMaster = move(sheet, master.Address);
            var expected = new List<(Cell Cell, string Formula)>(Members.Count);
            var consistent = newMaster is not null;
            var changed = 0;
            foreach (var (address, cell) in Members)
            {
                var own = FormulaReferences.Shift(text, address.Row - master.Address.Row, address.Column - master.Address.Column);
                var rewritten = rewrite(own, sheet);
                if (rewritten != own)
                {
                    changed++;
                }

                expected.Add((cell, rewritten));
                if (consistent && move(sheet, address) is { } moved
                    && FormulaReferences.Shift(updatedMaster, moved.Row - newMaster!.Value.Row, moved.Column - newMaster.Value.Column) != rewritten)
                {
                    consistent = false;
                }
            }

            if (consistent)
            {
                var formula = master.Cell.CellFormula!;
                formula.Text = updatedMaster;
                if (formula.Reference?.Value is { } reference)
                {
                    formula.Reference = RewriteRange(reference, sheet, rewrite) ?? reference;
                }

                return changed;
            }

            foreach (var (cell, formula) in expected)
            {
                cell.CellFormula = new CellFormula(formula);
            }

            return changed;
        }
    }
}
