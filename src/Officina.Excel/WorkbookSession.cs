using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Excel.Import;
using Officina.Excel.Inspection;
using Officina.Excel.Styles;
using Officina.Excel.Verification;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.OpenXml.Validation;
using Officina.Operations;

namespace Officina.Excel;

/// <summary>One sheet as the workbook lists it: name, position, visibility and part.</summary>
public sealed record SheetEntry(string Name, int Position, string State, OpenXmlPart Part)
{
    public bool IsWorksheet => Part is WorksheetPart;
}

/// <summary>
/// A working copy of a workbook, edited in place through the OpenXML SDK so that every part
/// no operation touches is saved back as it came. The input stream is copied on open and
/// never written to.
/// </summary>
public sealed class WorkbookSession : IHostSession, IDataSources
{
    private readonly MemoryStream _working;
    private readonly List<Change> _changes = [];
    private readonly Dictionary<OpenXmlPart, SheetCells> _cells = [];
    private SharedStrings? _strings;
    private WorkbookStyles? _styles;
    private IReadOnlySet<string>? _baseline;
    private readonly byte[]? _original;

    private WorkbookSession(MemoryStream working, SpreadsheetDocument document, PackageInfo? info, byte[]? original = null)
    {
        _working = working;
        _original = original;
        Document = document;
        Package = info;
    }

    public static DocumentHost HostKind => DocumentHost.Excel;

    public DocumentHost Host => DocumentHost.Excel;

    public SpreadsheetDocument Document { get; }

    /// <summary>What the package guard found on open; null for a workbook created here.</summary>
    public PackageInfo? Package { get; }

    /// <summary>
    /// Schema errors the input already had, so verification reports only new ones. Computed
    /// from the input as opened (kept as bytes), only when something asks: validating a large
    /// workbook takes seconds, and applying a plan does not need it.
    /// </summary>
    public IReadOnlySet<string> Baseline => _baseline ??= ValidateOriginal();

    public WorkbookPart WorkbookPart => Document.WorkbookPart!;

    public Workbook Workbook => WorkbookPart.Workbook;

    public SharedStrings Strings => _strings ??= new SharedStrings(WorkbookPart);

    public WorkbookStyles Styles => _styles ??= new WorkbookStyles(WorkbookPart);

    public IReadOnlyList<Change> Changes => _changes;

    /// <summary>
    /// The LibreOffice that computes what ClosedXML cannot: at verification, and during the plan
    /// for operations that read formula values (see <see cref="FormulaRefresh"/>). Front ends set
    /// the runner they configured (program, timeout); by default one found on PATH with the
    /// default timeout. Tests set a missing one.
    /// </summary>
    public LibreOfficeRunner LibreOffice
    {
        get => _libreOffice ??= new LibreOfficeRunner();
        set => _libreOffice = value;
    }

    private LibreOfficeRunner? _libreOffice;

    /// <summary>
    /// The cancellation of the <see cref="Execute"/> call in progress (none outside one):
    /// operations with long loops (cells of a large range, rows of a sort, every formula of the
    /// workbook) check it, so that a cancelled job stops within its current operation.
    /// </summary>
    internal CancellationToken Cancellation { get; private set; }

    /// <summary>Defects in the input that were mended on open (they held no content); verification reports them.</summary>
    public IReadOnlyList<string> Repairs { get; private init; } = [];

    private HashSet<string> ValidateOriginal() =>
        WorkingCopy.Baseline(_original, stream => SpreadsheetDocument.Open(stream, false));

    /// <summary>
    /// The input as it was opened, in a session of its own, for verification to compare the
    /// edit's findings with; null for a document created here. The caller disposes it. The guard
    /// already accepted these bytes under the caller's limits when the session was opened, so they
    /// are not scanned again (nor refused by default limits lower than the caller's).
    /// </summary>
    internal WorkbookSession? OpenInput() => _original is null ? null : Open(new MemoryStream(_original, writable: false), inspected: Package);

    /// <summary>Opens a copy of <paramref name="input"/> after the package guard accepts it.</summary>
    /// <param name="inspected">What <see cref="PackageGuard"/> found in exactly this stream, when the caller already checked it.</param>
    public static WorkbookSession Open(Stream input, PackageLimits? limits = null, PackageInfo? inspected = null)
    {
        var loaded = WorkingCopy.Load(input, limits, DocumentHost.Excel, "an Excel workbook", inspected);
        var document = WorkingCopy.Open(() => SpreadsheetDocument.Open(loaded.Working, true, new OpenSettings { AutoSave = false }), "workbook");
        if (WorkingCopy.Read(document, () => document.WorkbookPart?.Workbook, "workbook") is null)
        {
            document.Dispose();
            throw new DocumentRejectedException("damaged_package", "The package declares a workbook but its workbook part is missing.");
        }

        return new WorkbookSession(loaded.Working, document, loaded.Info, loaded.Original) { Repairs = WorkingCopy.Repairs(loaded, document) };
    }

    public static WorkbookSession Open(string path, PackageLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Open(stream, limits);
    }

    /// <summary>A new workbook with one empty sheet named <paramref name="firstSheet"/>.</summary>
    public static WorkbookSession Create(string firstSheet = "Sheet1")
    {
        var working = new MemoryStream();
        using (var created = SpreadsheetDocument.Create(working, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = created.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView()), new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.CreateDefault();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData());
            workbookPart.Workbook.Sheets!.AppendChild(new Sheet { Name = firstSheet, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) });
        }

        working.Position = 0;
        var document = SpreadsheetDocument.Open(working, true, new OpenSettings { AutoSave = false });
        return new WorkbookSession(working, document, null);
    }

    /// <summary>Sheets in tab order, worksheets and chart sheets alike.</summary>
    public IReadOnlyList<SheetEntry> Sheets
    {
        get
        {
            var list = new List<SheetEntry>();
            var position = 0;
            foreach (var sheet in Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is { } id && WorkbookPart.TryGetPartById(id, out var part))
                {
                    list.Add(new SheetEntry(sheet.Name?.Value ?? "", position, sheet.State?.Value.ToString().ToLowerInvariant() ?? "visible", part));
                }

                position++;
            }

            return list;
        }
    }

    public Sheet? SheetElement(string name) =>
        Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Cell access for the worksheet named <paramref name="name"/> (case-insensitive), or null.</summary>
    public SheetCells? Sheet(string name)
    {
        var sheet = SheetElement(name);
        if (sheet?.Id?.Value is not { } id || !WorkbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
        {
            return null;
        }

        if (_streamed.ContainsKey(worksheet))
        {
            MaterializeStreamed(worksheet, sheet.Name!.Value!);
        }

        if (!_cells.TryGetValue(worksheet, out var cells))
        {
            cells = new SheetCells(sheet.Name!.Value!, worksheet, Strings) { CancellationSource = () => Cancellation };
            _cells[worksheet] = cells;
        }

        cells.SheetName = sheet.Name!.Value!;
        return cells;
    }

    /// <summary>The sheet a range without a sheet name means: the only worksheet, when there is just one.</summary>
    public string? DefaultSheet => Sheets.Where(s => s.IsWorksheet).Select(s => s.Name).SingleOrDefaultIfMany();

    /// <summary>
    /// Parses and resolves a range property, adding an error naming <paramref name="property"/>
    /// when it is malformed or its sheet does not exist.
    /// </summary>
    public bool TryResolve(string? text, string property, ICollection<OperationError> errors, out RangeAddress range, out SheetCells sheet)
    {
        ArgumentNullException.ThrowIfNull(errors);
        sheet = null!;
        if (!RangeAddress.TryParse(text, out range, out var error))
        {
            errors.Add(new OperationError(property, "range", error));
            return false;
        }

        var sheetName = range.Sheet ?? DefaultSheet;
        if (sheetName is null)
        {
            errors.Add(new OperationError(property, "range_sheet",
                $"The workbook has several sheets, so the range must name one (e.g. '{RangeAddress.QuoteSheet(Sheets[0].Name)}'!{range.Reference}). Given: '{text}'."));
            return false;
        }

        if (StreamedProblem(sheetName) is { } streamed)
        {
            errors.Add(new OperationError(property, "sheet_streamed", streamed));
            return false;
        }

        var found = Sheet(sheetName);
        if (found is null)
        {
            errors.Add(new OperationError(property, "sheet_exists",
                $"There is no worksheet named '{sheetName}'. Sheets: {string.Join(", ", Sheets.Select(s => $"'{s.Name}'"))}."));
            return false;
        }

        sheet = found;
        range = range.WithSheet(found.SheetName);
        return true;
    }

    /// <summary>Like <see cref="TryResolve"/> for callers that already validated: throws when the range is bad.</summary>
    public (RangeAddress Range, SheetCells Sheet) Resolve(string text)
    {
        var errors = new List<OperationError>();
        return TryResolve(text, "range", errors, out var range, out var sheet)
            ? (range, sheet)
            : throw new InvalidOperationException(errors[0].Message);
    }

    /// <summary>Adds an empty worksheet at <paramref name="position"/> (0-based; null appends).</summary>
    public SheetCells AddWorksheet(string name, int? position = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var part = WorkbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetData());
        var sheets = Workbook.Sheets ??= Workbook.InsertAfter(new Sheets(), (OpenXmlElement?)Workbook.BookViews ?? Workbook.WorkbookProperties) ?? Workbook.AppendChild(new Sheets());
        var nextId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        var sheet = new Sheet { Name = name, SheetId = nextId, Id = WorkbookPart.GetIdOfPart(part) };
        var existing = sheets.Elements<Sheet>().ToList();
        if (position is { } p && p < existing.Count)
        {
            sheets.InsertBefore(sheet, existing[Math.Max(0, p)]);
            ShiftLocalSheetIds(Math.Max(0, p), +1);
        }
        else
        {
            sheets.AppendChild(sheet);
        }

        return Sheet(name)!;
    }

    /// <summary>
    /// Defined names scoped to a sheet store its tab position (localSheetId); when tabs move
    /// the positions must follow.
    /// </summary>
    public void ShiftLocalSheetIds(int fromPosition, int delta)
    {
        foreach (var name in Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            if (name.LocalSheetId?.Value is { } id && id >= fromPosition)
            {
                name.LocalSheetId = (uint)(id + delta);
            }
        }

        foreach (var view in Workbook.BookViews?.Elements<WorkbookView>() ?? [])
        {
            if (view.ActiveTab?.Value is { } active && active >= fromPosition && delta > 0)
            {
                view.ActiveTab = active + (uint)delta;
            }
        }
    }

    /// <summary>Asks Excel to recalculate everything on open (formulas were written whose cached values may be stale).</summary>
    public void MarkFormulasDirty()
    {
        var calc = Workbook.CalculationProperties;
        if (calc is null)
        {
            calc = new CalculationProperties();
            var before = Workbook.ChildElements.FirstOrDefault(e => e is OleSize or CustomWorkbookViews or PivotCaches or WebPublishing
                or FileRecoveryProperties or WebPublishObjects or WorkbookExtensionList);
            if (before is null)
            {
                Workbook.AppendChild(calc);
            }
            else
            {
                Workbook.InsertBefore(calc, before);
            }
        }

        calc.FullCalculationOnLoad = true;
    }

    public OperationOutcome Execute(Operation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        Cancellation = cancellationToken;
        try
        {
            if (operation is IReadsCellValues reader && FormulaRefresh.Before(this, operation.Op, reader.ValueRanges(this)) is { Count: > 0 } refused)
            {
                return OperationOutcome.Failed(refused);
            }

            var outcome = operation.ExecuteOn(this);
            if (outcome.Change is not null)
            {
                _changes.Add(outcome.Change);
            }

            return outcome;
        }
        finally
        {
            Cancellation = CancellationToken.None;
        }
    }

    public string Inspect(int tokenBudget = Digest.DefaultTokenBudget) => WorkbookDigest.Create(this, tokenBudget);

    public Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default) =>
        WorkbookVerifier.VerifyAsync(this, cancellationToken);

    /// <summary>
    /// Writes the working copy as a complete package. The package is cloned rather than
    /// flushed: System.IO.Packaging writes a zip only when it is closed, and the session stays open.
    /// </summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_streamed.Count > 0)
        {
            StreamedPackage.Save(Document, _streamed, output);
            return;
        }

        WorkingCopy.Save(Document, output);
    }

    /// <summary>Writes the working copy to <paramref name="path"/> atomically: a temporary file beside it, then a rename.</summary>
    public void SaveAs(string path) => AtomicFile.Write(path, Save);

    /// <summary>The working copy as bytes (a complete package).</summary>
    public byte[] ToArray() => WorkingCopy.ToArray(Save);

    public void Dispose()
    {
        Document.Dispose();
        _working.Dispose();
    }

    // Named data sources and streamed sheet content (import_csv).
    private readonly Dictionary<string, Func<Stream>> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<WorksheetPart, (string Sheet, CsvImport Import)> _streamed = [];

    /// <summary>
    /// Registers a data source that plans may read by <paramref name="name"/> (import_csv).
    /// The caller (CLI, service) decides which files or blobs a plan can reach: a plan names a
    /// source, never a path. <paramref name="open"/> must return a fresh readable stream on
    /// every call: the data is read when the operation is validated, applied and, for large
    /// imports, again at save.
    /// </summary>
    public void AddSource(string name, Func<Stream> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(open);
        _sources[name] = open;
    }

    /// <summary>The names of the registered data sources, sorted.</summary>
    public IReadOnlyList<string> SourceNames => [.. _sources.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The opener of the source named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Func<Stream>? FindSource(string name) => name is not null && _sources.TryGetValue(name, out var open) ? open : null;

    /// <summary>
    /// A streamed sheet that something reads or changes before save is loaded into the DOM
    /// when it has at most this many cells; past it, such access is refused with an error
    /// saying why (save and reopen to work on the data).
    /// </summary>
    public long MaxMaterializedCells { get; set; } = 250_000;

    /// <summary>The import that will be streamed into <paramref name="part"/> at save, or null.</summary>
    public CsvImport? StreamedContent(OpenXmlPart part) =>
        part is WorksheetPart worksheet && _streamed.TryGetValue(worksheet, out var content) ? content.Import : null;

    /// <summary>
    /// Defers the content of an empty worksheet to save time: the rows are written straight
    /// into the output package from the source, never built in memory.
    /// </summary>
    public void DeferSheetContent(SheetCells sheet, CsvImport import)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(import);
        if (sheet.Rows.Any())
        {
            throw new InvalidOperationException($"Sheet '{sheet.SheetName}' has rows; only an empty sheet's content can be streamed at save.");
        }

        _streamed[sheet.Part] = (sheet.SheetName, import);
    }

    private string? StreamedProblem(string sheetName)
    {
        var sheet = SheetElement(sheetName);
        if (sheet?.Id?.Value is not { } id || !WorkbookPart.TryGetPartById(id, out var part) || StreamedContent(part) is not { } import
            || import.Shape.CellCount <= MaxMaterializedCells)
        {
            return null;
        }

        return $"Sheet '{sheet.Name?.Value}' holds {import.Shape.CellCount:N0} cells imported from source '{import.Source}' " +
            $"({import.Range(sheet.Name?.Value ?? sheetName)}). They are written straight into the file at save and are not held in memory, " +
            $"so they cannot be read or changed in this session (at most {MaxMaterializedCells:N0} cells can be loaded back). Save, reopen and continue from there.";
    }

    private void MaterializeStreamed(WorksheetPart part, string name)
    {
        if (StreamedProblem(name) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        _streamed.Remove(part, out var content);
        content.Import.WriteTo(Sheet(name)!);
    }
}

internal static class SequenceExtensions
{
    /// <summary>The only element, or null when there are none or several.</summary>
    public static string? SingleOrDefaultIfMany(this IEnumerable<string> source)
    {
        string? found = null;
        foreach (var item in source)
        {
            if (found is not null)
            {
                return null;
            }

            found = item;
        }

        return found;
    }
}
