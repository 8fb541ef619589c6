using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Verification;

namespace Officina.Excel.Formulas;

/// <summary>
/// The ranges a formula reads: its A1 references (3-D spans expanded to their sheets, whole
/// columns and rows to the sheet's edge), the tables its structured references name (a bare
/// <c>[Column]</c> means the table the cell is in) and the references inside the defined names it
/// uses. <see cref="Precedents.Complete"/> is false when what it reads cannot be known from its text:
/// volatile or indirect functions (INDIRECT, OFFSET, ...), a table or name that does not resolve.
/// Built once per workbook: tables, names and the sheet order are read up front.
/// </summary>
internal sealed partial class FormulaPrecedents
{
    private readonly Dictionary<string, (RangeAddress All, RangeAddress Data)> _tables;
    private readonly Dictionary<string, string> _names;
    private readonly List<string> _order;

    private FormulaPrecedents(Dictionary<string, (RangeAddress All, RangeAddress Data)> tables, Dictionary<string, string> names, List<string> order) =>
        (_tables, _names, _order) = (tables, names, order);

    public static FormulaPrecedents For(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new FormulaPrecedents(Tables(session), DefinedNames(session), [.. session.Sheets.Select(s => s.Name)]);
    }

    public Precedents Of(FormulaCell formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var complete = !Volatile().IsMatch(formula.Formula);
        var found = new List<RangeAddress>();
        foreach (var reference in FormulaReferences.Find(formula.Formula))
        {
            found.AddRange(reference.Sheets(formula.Sheet, _order).Select(sheet => ToRange(reference, sheet)));
        }

        var structuredReferences = formula.Formula.Contains('[', StringComparison.Ordinal);
        foreach (Match structured in structuredReferences ? QualifiedStructuredReference().Matches(formula.Formula) : Enumerable.Empty<Match>())
        {
            var name = structured.Value[..structured.Value.IndexOf('[', StringComparison.Ordinal)];
            if (_tables.TryGetValue(name, out var table))
            {
                found.Add(WholeTable().IsMatch(structured.Value) ? table.All : table.Data);
            }
            else
            {
                complete = false;
            }
        }

        // A bare [Column] (a table's totals row: SUBTOTAL(109,[Income])) means the table the cell is in.
        if (structuredReferences && BareStructuredReference().IsMatch(QualifiedStructuredReference().Replace(formula.Formula, "")))
        {
            var own = _tables.Values
                .Where(t => string.Equals(t.All.Sheet, formula.Sheet, StringComparison.OrdinalIgnoreCase) && t.All.Contains(formula.Address.Row, formula.Address.Column))
                .Select(t => t.Data).FirstOrDefault();
            if (own is null)
            {
                complete = false;
            }
            else
            {
                found.Add(own);
            }
        }

        foreach (Match token in _names.Count > 0 ? NameToken().Matches(formula.Formula) : Enumerable.Empty<Match>())
        {
            if (_names.TryGetValue(token.Value, out var text))
            {
                var inName = FormulaReferences.Find(text);
                complete &= inName.Count > 0 && inName.All(r => r.Sheet is not null);
                found.AddRange(inName.Where(r => r.Sheet is not null).SelectMany(r => r.Sheets(r.Sheet!, _order).Select(sheet => ToRange(r, sheet))));
            }
        }

        return new Precedents(found, complete);
    }

    /// <summary>The names a formula's text uses (or would use: any bare identifier), for matching names a plan defined.</summary>
    public static IEnumerable<string> NameTokens(string formula) => NameToken().Matches(formula).Select(m => m.Value);

    private static RangeAddress ToRange(FormulaReference reference, string sheet)
    {
        var last = reference.Last ?? reference.First;
        return new RangeAddress(sheet,
            reference.First.Row ?? 1, reference.First.Column ?? 1,
            last.Row ?? CellAddress.MaxRow, last.Column ?? CellAddress.MaxColumn);
    }

    /// <summary>
    /// Each table by name and display name: all its rows, and its data rows (without header and
    /// totals), which is what <c>Table[Column]</c> reads — a totals row's <c>SUBTOTAL(109,[Income])</c>
    /// does not read itself.
    /// </summary>
    private static Dictionary<string, (RangeAddress All, RangeAddress Data)> Tables(WorkbookSession session)
    {
        var tables = new Dictionary<string, (RangeAddress, RangeAddress)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in session.Sheets)
        {
            if (entry.Part is not WorksheetPart worksheet)
            {
                continue;
            }

            foreach (var part in worksheet.TableDefinitionParts)
            {
                var table = part.Table;
                if (table?.Name?.Value is { } name && RangeAddress.TryParse(table.Reference?.Value, out var range, out _))
                {
                    var all = range.WithSheet(entry.Name);
                    var first = all.FirstRow + (int)(table.HeaderRowCount?.Value ?? 1);
                    var last = all.LastRow - (int)(table.TotalsRowCount?.Value ?? 0);
                    var data = first <= last ? all with { FirstRow = first, LastRow = last } : all;
                    tables[name] = (all, data);
                    if (table.DisplayName?.Value is { } display)
                    {
                        tables[display] = (all, data);
                    }
                }
            }
        }

        return tables;
    }

    private static Dictionary<string, string> DefinedNames(WorkbookSession session) =>
        session.Workbook.DefinedNames?.Elements<DefinedName>()
            .Where(n => n.Name?.Value is not null)
            .GroupBy(n => n.Name!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(n => n.Text)), StringComparer.OrdinalIgnoreCase)
        ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(INDIRECT|OFFSET|TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Volatile();

    [GeneratedRegex(@"\[\s*#(?:All|Totals|Headers)\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex WholeTable();

    [GeneratedRegex(@"(?<![\w.\]""])\[")]
    private static partial Regex BareStructuredReference();

    [GeneratedRegex(@"[A-Za-z_\\][\w.]*\[(?:[^\[\]]|\[[^\[\]]*\])*\]")]
    private static partial Regex QualifiedStructuredReference();

    [GeneratedRegex(@"(?<![\w.!'\]$])[A-Za-z_\\][\w.]*(?![\w.(!\[])")]
    private static partial Regex NameToken();
}

/// <summary>What a formula reads; <see cref="Complete"/> is false when that is not all of it.</summary>
internal sealed record Precedents(IReadOnlyList<RangeAddress> Ranges, bool Complete);
