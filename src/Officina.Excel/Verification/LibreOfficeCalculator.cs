using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>
/// Recalculates the whole workbook with LibreOffice (its run profile forces recalculation on
/// load) and reads the values of the asked-for formula cells from LibreOffice's rewrite. That
/// rewrite is read and discarded: it is never handed back to the user.
/// </summary>
internal static partial class LibreOfficeCalculator
{
    /// <summary>
    /// LibreOffice before 24.8 lacks newer Excel functions (XLOOKUP, FILTER, LET, ...) and
    /// answers #NAME? for them and for every cell that depends on them. Those are not errors
    /// in Excel: when a formula with such a function came back #NAME?, every #NAME? becomes
    /// "not computed" so the report does not send a model to repair correct formulas.
    /// </summary>
    public static IReadOnlyList<FormulaResult> ExcuseMissingFunctions(IReadOnlyList<FormulaCell> cells, IReadOnlyList<FormulaResult> results)
    {
        var missing = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cells.Count; i++)
        {
            if (IsNameError(results[i]))
            {
                foreach (var match in FutureFunction().Matches(cells[i].Formula).Cast<System.Text.RegularExpressions.Match>())
                {
                    missing.Add(match.Groups[1].Value.ToUpperInvariant());
                }
            }
        }

        if (missing.Count == 0)
        {
            return results;
        }

        var reason = $"this LibreOffice lacks {string.Join(", ", missing)} (LibreOffice 24.8 or later has them), so #NAME? here is not trusted";
        return [.. results.Select(r => IsNameError(r) ? FormulaResult.NotComputed(reason) : r)];
    }

    private static bool IsNameError(FormulaResult result) =>
        result.Kind == FormulaResultKind.Error && string.Equals(result.Text, "#NAME?", StringComparison.OrdinalIgnoreCase);

    [System.Text.RegularExpressions.GeneratedRegex(@"_xlfn\.(?:_xlws\.)?([A-Za-z][A-Za-z0-9.]*)\s*\(", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FutureFunction();

    /// <summary>
    /// The values of <paramref name="cells"/> after LibreOffice recalculated the workbook. A run
    /// past the runner's timeout is refused as <c>libreoffice_timeout</c> rather than reported as
    /// "not computed": a workbook that hangs LibreOffice would hang it on every retry, and the
    /// caller's budget says how long a document may take.
    /// </summary>
    public static async Task<IReadOnlyList<FormulaResult>> CalculateAsync(
        LibreOfficeRunner runner, byte[] package, string fileName, IReadOnlyList<FormulaCell> cells, CancellationToken cancellationToken)
    {
        byte[] recalculated;
        try
        {
            recalculated = await runner.ConvertAsync(package, fileName, LibreOfficeRunner.XlsxFormat, cancellationToken).ConfigureAwait(false);
        }
        catch (LibreOfficeTimeoutException ex)
        {
            throw new DocumentRejectedException(LibreOfficeTimeoutException.Code,
                $"The workbook could not be recalculated: {ex.Message} Nothing was written.", ex);
        }

        using var stream = new MemoryStream(recalculated, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart ?? throw new LibreOfficeException("LibreOffice's recalculated workbook has no workbook part.");
        var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(SharedStrings.TextOf).ToList() ?? [];
        var results = new FormulaResult[cells.Count];
        foreach (var group in cells.Select((c, i) => (Cell: c, Index: i)).GroupBy(x => x.Cell.Sheet, StringComparer.OrdinalIgnoreCase))
        {
            var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value, group.Key, StringComparison.OrdinalIgnoreCase));
            var values = sheet?.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet
                ? Read(worksheet, [.. group.Select(x => x.Cell.Address)], strings)
                : [];
            foreach (var (cell, index) in group)
            {
                results[index] = values.TryGetValue(cell.Address, out var value)
                    ? value
                    : FormulaResult.NotComputed("LibreOffice's recalculated workbook has no value for this cell");
            }
        }

        return ExcuseMissingFunctions(cells, results);
    }

    /// <summary>Streams the worksheet and keeps the values of <paramref name="wanted"/> only.</summary>
    private static Dictionary<CellAddress, FormulaResult> Read(WorksheetPart part, HashSet<CellAddress> wanted, List<string> strings)
    {
        var values = new Dictionary<CellAddress, FormulaResult>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Cell) || !reader.IsStartElement)
            {
                continue;
            }

            var cell = (Cell)reader.LoadCurrentElement()!;
            if (cell.CellReference?.Value is { } reference && CellAddress.TryParse(reference, out var address) && wanted.Contains(address))
            {
                values[address] = ValueOf(cell, strings);
            }
        }

        return values;
    }

    private static FormulaResult ValueOf(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return FormulaResult.FromText(cell.InlineString is null ? "" : SharedStrings.TextOf(cell.InlineString));
        }

        if (raw is null)
        {
            return FormulaResult.NotComputed("LibreOffice wrote no value");
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count
                ? FormulaResult.FromText(strings[i])
                : FormulaResult.NotComputed($"LibreOffice wrote a bad shared string index '{raw}'");
        }

        if (type == CellValues.Boolean)
        {
            return FormulaResult.FromBoolean(raw.Trim() == "1");
        }

        if (type == CellValues.Error)
        {
            return FormulaResult.FromError(raw);
        }

        if (type == CellValues.String)
        {
            return FormulaResult.FromText(raw);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? FormulaResult.FromNumber(number)
            : FormulaResult.NotComputed($"LibreOffice wrote '{raw}' as a number");
    }
}
