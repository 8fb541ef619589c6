using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Excel.Names;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Defines a name for a range (written absolute, <c>Data!$A$1:$B$10</c>) or a formula
/// (<c>=Rates!$B$1*12</c>, <c>0.08</c>), for the whole workbook or one sheet. Excel's name
/// rules apply: it starts with a letter, underscore or backslash, has no spaces, does not
/// look like a cell reference (<c>TAX2023</c>, <c>R1C1</c>) and is at most 255 characters.
/// A name already used in the same scope is replaced only with <see cref="Replace"/>.
/// A formula reaching outside the workbook (DDE, another workbook, a URL or file path) is
/// refused unless <see cref="AllowExternalReferences"/> is true, as with set_formulas.
/// </summary>
[Operation("define_name", "Define a named range or named formula.")]
public sealed record DefineName(
    [property: Description("The name, e.g. TaxRate (letters, digits, _ . \\; no spaces; not like A1 or R1C1)")] string Name,
    [property: Description("A range ('Data'!A1:B10, made absolute) or a formula starting with '=' (=Rates!$B$1*12)")] string RefersTo,
    [property: Description("Sheet the name is local to; null for a workbook-wide name")] string? Scope = null,
    [property: Description("Comment shown in Excel's Name Manager; null for none")] string? Comment = null,
    [property: Description("True to replace an existing name in the same scope; null or false refuses")] bool? Replace = null,
    [property: Description("True only when the name must link to another workbook, a URL or DDE; null or false refuses such links")] bool? AllowExternalReferences = null)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Scope);
        trace.AddressesFormula(RefersTo);
        trace.Creates(WorkbookTrace.Name, Name);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (WorkbookNames.Problem(Name) is { } problem)
        {
            errors.Add(new("name", "name_syntax", problem));
        }

        uint? localSheetId = null;
        if (Scope is not null)
        {
            var position = SheetPosition(session, Scope);
            if (position < 0)
            {
                errors.Add(new("scope", "sheet_exists", $"There is no sheet named '{Scope}'. Sheets: {string.Join(", ", session.Sheets.Select(s => $"'{s.Name}'"))}."));
            }
            else
            {
                localSheetId = (uint)position;
            }
        }

        if (string.IsNullOrWhiteSpace(RefersTo))
        {
            errors.Add(new("refers_to", "refers_to_empty", "refers_to must be a range or a formula. Given: an empty string."));
        }
        else if (!RefersTo.TrimStart().StartsWith('='))
        {
            var rangeErrors = new List<OperationError>();
            if (!session.TryResolve(ScopedRange(), "refers_to", rangeErrors, out _, out _))
            {
                errors.Add(new("refers_to", "refers_to", $"refers_to must be a range such as Data!A1:B10, or a formula starting with '='. {rangeErrors[0].Message}"));
            }
        }
        else if (FormulaSyntax.Problem(RefersTo) is { } formulaProblem)
        {
            errors.Add(new("refers_to", "formula_syntax", $"{formulaProblem} Given: '{RefersTo}'."));
        }
        else if (AllowExternalReferences != true && ExternalReferenceScan.Find(RefersTo, session.Sheets.Select(s => s.Name)) is { } external)
        {
            errors.Add(SetFormulas.ExternalReferenceError("refers_to", RefersTo, external));
        }

        if (Comment is { Length: > 255 })
        {
            errors.Add(new("comment", "comment_length", $"A name's comment is at most 255 characters. Given: {Comment.Length}."));
        }

        if (errors.Count == 0)
        {
            var existing = Find(session, localSheetId);
            if (existing is not null && Replace != true)
            {
                errors.Add(new("name", "name_unique",
                    $"The name '{existing.Name!.Value}' is already defined {(Scope is null ? "for the workbook" : $"on sheet '{Scope}'")} as {existing.Text}. Set replace to true to redefine it."));
            }

            if (WorkbookNames.Clash(session, Name, checkDefinedNames: false) is { } clash)
            {
                errors.Add(new("name", "name_unique", $"{clash} Given: '{Name}'."));
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        uint? localSheetId = Scope is null ? null : (uint)SheetPosition(session, Scope);
        var text = Formula(session);
        var names = session.Workbook.DefinedNames ?? WorksheetLayout.Insert(session.Workbook, new DefinedNames());
        Find(session, localSheetId)?.Remove();
        var name = new DefinedName(text) { Name = Name, LocalSheetId = localSheetId };
        if (Comment is not null)
        {
            name.Comment = Comment;
        }

        // Excel keeps names sorted; a name inserted in order reads the same in the Name Manager either way.
        var after = names.Elements<DefinedName>().FirstOrDefault(d => string.Compare(d.Name?.Value, Name, StringComparison.OrdinalIgnoreCase) > 0);
        if (after is null)
        {
            names.AppendChild(name);
        }
        else
        {
            names.InsertBefore(name, after);
        }

        return new Change("define_name", Name, $"Defined {Name} = {text}" + (Scope is null ? "" : $" on sheet '{Scope}'"));
    }

    private string ScopedRange()
    {
        var text = RefersTo.Trim();
        return Scope is not null && !text.Contains('!', StringComparison.Ordinal) ? $"{RangeAddress.QuoteSheet(Scope)}!{text}" : text;
    }

    private string Formula(WorkbookSession session)
    {
        var text = RefersTo.Trim();
        if (text.StartsWith('='))
        {
            return FunctionNames.AddFutureFunctionPrefixes(text[1..]);
        }

        var (range, _) = session.Resolve(ScopedRange());
        return Absolute(range);
    }

    /// <summary><c>'My Sheet'!$A$1:$B$2</c>; whole rows and columns as <c>$A:$C</c> and <c>$2:$5</c>.</summary>
    internal static string Absolute(RangeAddress range)
    {
        string reference;
        if (range.FirstRow == 1 && range.LastRow == CellAddress.MaxRow)
        {
            reference = $"${CellAddress.ColumnName(range.FirstColumn)}:${CellAddress.ColumnName(range.LastColumn)}";
        }
        else if (range.FirstColumn == 1 && range.LastColumn == CellAddress.MaxColumn)
        {
            reference = $"${range.FirstRow}:${range.LastRow}";
        }
        else
        {
            var first = $"${CellAddress.ColumnName(range.FirstColumn)}${range.FirstRow}";
            reference = range.IsSingleCell ? first : $"{first}:${CellAddress.ColumnName(range.LastColumn)}${range.LastRow}";
        }

        return range.Sheet is null ? reference : $"{RangeAddress.QuoteSheet(range.Sheet)}!{reference}";
    }

    private DefinedName? Find(WorkbookSession session, uint? localSheetId) =>
        session.Workbook.DefinedNames?.Elements<DefinedName>().FirstOrDefault(d =>
            string.Equals(d.Name?.Value, Name, StringComparison.OrdinalIgnoreCase) && d.LocalSheetId?.Value == localSheetId);

    private static int SheetPosition(WorkbookSession session, string sheet) =>
        session.Sheets.FirstOrDefault(s => string.Equals(s.Name, sheet, StringComparison.OrdinalIgnoreCase))?.Position ?? -1;
}
