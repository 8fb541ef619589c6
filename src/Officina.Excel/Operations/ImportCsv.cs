using System.ComponentModel;
using System.Runtime.CompilerServices;
using Officina.Excel.Addressing;
using Officina.Excel.Import;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Imports a CSV data source that the caller registered with the session
/// (<see cref="WorkbookSession.AddSource"/>): the plan names the source, never a file path.
/// Fields follow RFC 4180 (quotes, embedded delimiters and line breaks); invariant numbers
/// become numbers, ISO dates become dates with a date format, TRUE/FALSE become booleans,
/// the rest text (see <see cref="CsvFields"/>). The header row, when there is one, is text.
/// The destination sheet is created when missing and the target region must be empty.
/// Imports of more than <see cref="StreamThreshold"/> cells into an empty sheet are never
/// built in memory: the rows are streamed from the source into the file at save. Reading or
/// changing such a sheet before save loads it (up to <see cref="WorkbookSession.MaxMaterializedCells"/>
/// cells) or is refused with an error that says why.
/// </summary>
[Operation("import_csv", "Import a registered CSV data source into a sheet (created if missing) from a top-left cell.")]
public sealed record ImportCsv(
    [property: Description("Name of a data source registered with the session (not a file path)")] string Source,
    [property: Description("Top-left cell of the import, e.g. 'Data'!A1; the sheet is created when missing")] string Destination,
    [property: Description("True when the first record is a header row (written as text)")] bool HasHeader,
    [property: Description("Field delimiter, one character; null means a comma")] string? Delimiter = null)
    : WriteOperation<WorkbookSession>
{
    /// <summary>Imports up to this many cells go through the DOM; larger ones into an empty sheet are streamed at save.</summary>
    public const long StreamThreshold = 20_000;

    /// <summary>The scan Validate made, reused by Apply on the same session and source so the data is read once less.</summary>
    private static readonly ConditionalWeakTable<ImportCsv, Scanned> LastScan = new();

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Destination);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var open = session.FindSource(Source);
        if (open is null)
        {
            var names = session.SourceNames;
            errors.Add(new("source", "source_registered", names.Count == 0
                ? $"No data sources are registered with this session, so '{Source}' cannot be read; the caller must register sources by name."
                : $"There is no data source named '{Source}'. Registered sources: {string.Join(", ", names.Select(n => $"'{n}'"))}."));
        }

        if (DelimiterProblem() is { } delimiterProblem)
        {
            errors.Add(new("delimiter", "delimiter", delimiterProblem));
        }

        var target = ResolveDestination(session, errors);
        if (open is null || errors.Count > 0 || target is not { } destination)
        {
            return errors;
        }

        CsvShape shape;
        try
        {
            using var stream = open();
            shape = CsvShape.Scan(stream, DelimiterChar, HasHeader, session.Cancellation);
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new("source", "csv_format", $"Source '{Source}' is not valid CSV: {ex.Message}"));
            return errors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            errors.Add(new("source", "source_read", $"Source '{Source}' could not be read: {ex.Message}"));
            return errors;
        }

        if (shape.Rows == 0 || shape.Values == 0)
        {
            errors.Add(new("source", "source_empty", $"Source '{Source}' holds no values."));
            return errors;
        }

        LastScan.AddOrUpdate(this, new Scanned(session, open, shape));

        var region = new RangeAddress(destination.Sheet, destination.Cell.Row, destination.Cell.Column,
            destination.Cell.Row + shape.Rows - 1, destination.Cell.Column + shape.Columns - 1);
        if (region.LastRow > CellAddress.MaxRow || region.LastColumn > CellAddress.MaxColumn)
        {
            errors.Add(new("destination", "sheet_bounds",
                $"Source '{Source}' has {shape.Rows:N0} rows × {shape.Columns:N0} columns; from {destination.Cell} it runs past the last row or column of the sheet."));
        }
        else if (Occupied(session, region) is { } occupied)
        {
            errors.Add(new("destination", "destination_empty", occupied));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var destination = ResolveDestination(session, []) ?? throw new InvalidOperationException($"The destination '{Destination}' is not valid.");
        var sheet = session.SheetElement(destination.Sheet) is null ? session.AddWorksheet(destination.Sheet) : session.Sheet(destination.Sheet)!;
        var open = session.FindSource(Source)!;
        CsvShape shape;
        if (LastScan.TryGetValue(this, out var scanned) && scanned.Session == session && scanned.Open == open)
        {
            shape = scanned.Shape;
            LastScan.Remove(this);
        }
        else
        {
            using var stream = open();
            shape = CsvShape.Scan(stream, DelimiterChar, HasHeader, session.Cancellation);
        }

        uint? dateStyle = shape.HasDates ? session.Styles.WithNumberFormat(0, "yyyy-mm-dd") : null;
        uint? dateTimeStyle = shape.HasDateTimes ? session.Styles.WithNumberFormat(0, "yyyy-mm-dd hh:mm") : null;
        var import = new CsvImport(Source, open, DelimiterChar, HasHeader, destination.Cell, shape, dateStyle, dateTimeStyle);
        var range = import.Range(sheet.SheetName);
        var streamed = shape.CellCount > StreamThreshold && !sheet.Rows.Any();
        if (streamed)
        {
            session.DeferSheetContent(sheet, import);
        }
        else
        {
            import.WriteTo(sheet);
        }

        var summary = $"Imported {shape.Rows:N0} row(s) × {shape.Columns:N0} column(s) from source '{Source}' into {range}"
            + (streamed ? " (streamed into the file at save)" : "");
        return new Change("import_csv", range.ToString(), summary, (int)Math.Min(shape.Values, int.MaxValue));
    }

    private sealed record Scanned(WorkbookSession Session, Func<Stream> Open, CsvShape Shape);

    private char DelimiterChar => string.IsNullOrEmpty(Delimiter) ? ',' : Delimiter[0];

    private string? DelimiterProblem() => Delimiter switch
    {
        null => null,
        { Length: not 1 } => $"The delimiter must be exactly one character (e.g. ',', ';' or a tab). Given: '{Delimiter}'.",
        "\"" or "\r" or "\n" => $"The delimiter cannot be a quote or a line break. Given: '{Delimiter.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}'.",
        _ => null,
    };

    /// <summary>The destination sheet (existing or to create) and cell, or null after adding an error.</summary>
    private (string Sheet, CellAddress Cell)? ResolveDestination(WorkbookSession session, List<OperationError> errors)
    {
        if (!RangeAddress.TryParse(Destination, out var range, out var error))
        {
            errors.Add(new("destination", "range", error));
            return null;
        }

        if (!range.IsSingleCell)
        {
            errors.Add(new("destination", "destination_cell", $"The destination is the top-left cell of the import, e.g. 'Data'!A1. Given: '{Destination}'."));
            return null;
        }

        var name = range.Sheet ?? session.DefaultSheet;
        if (name is null)
        {
            errors.Add(new("destination", "range_sheet", $"The workbook has several sheets, so the destination must name one (e.g. 'Data'!A1). Given: '{Destination}'."));
            return null;
        }

        var existing = session.Sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            if (SheetNames.Problem(name) is { } problem)
            {
                errors.Add(new("destination", "sheet_name", problem));
                return null;
            }

            return (name, range.TopLeft);
        }

        if (!existing.IsWorksheet)
        {
            errors.Add(new("destination", "worksheet", $"'{existing.Name}' is a chart sheet; import into a worksheet."));
            return null;
        }

        return (existing.Name, range.TopLeft);
    }

    /// <summary>Why <paramref name="region"/> is not empty, or null when it is (a sheet still to be created is empty).</summary>
    private static string? Occupied(WorkbookSession session, RangeAddress region)
    {
        var entry = session.Sheets.FirstOrDefault(s => string.Equals(s.Name, region.Sheet, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        if (session.StreamedContent(entry.Part) is { } streamed)
        {
            var earlier = streamed.Range(entry.Name);
            if (earlier.Intersects(region))
            {
                return $"The destination region {region} must be empty, but an earlier import fills {earlier}. Import somewhere else or into another sheet.";
            }

            return streamed.Shape.CellCount > session.MaxMaterializedCells
                ? $"Sheet '{entry.Name}' already receives {streamed.Shape.CellCount:N0} cells from source '{streamed.Source}', streamed into the file at save; import into another sheet."
                : null;
        }

        var cells = session.Sheet(entry.Name)!;
        foreach (var (address, cell) in cells.CellsIn(region))
        {
            if (cell.CellValue is not null || cell.CellFormula is not null || cell.InlineString is not null)
            {
                return $"The destination region {region} must be empty, but {address} holds '{cells.ValueOf(cell)}'. Clear it or choose an empty area.";
            }
        }

        return null;
    }
}
