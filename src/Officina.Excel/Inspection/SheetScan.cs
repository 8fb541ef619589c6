using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;

namespace Officina.Excel.Inspection;

/// <summary>
/// What a digest needs from one worksheet, read in one streaming pass: bounds, counts, the
/// first rows and the last row. Only those rows are kept; every other row is read and dropped,
/// so a sheet of a million cells costs time in proportion but no memory.
/// </summary>
internal sealed class SheetScan
{
    /// <summary>How many leading non-empty rows are kept for header detection and samples.</summary>
    public const int KeptRows = 8;

    public List<ScannedRow> FirstRows { get; } = [];

    public ScannedRow? LastRow { get; private set; }

    /// <summary>Shared-formula masters by group index, so sampled cells of a group show their formula.</summary>
    public Dictionary<uint, (CellAddress Master, string Formula)> SharedFormulas { get; } = [];

    public int MinRow { get; private set; } = int.MaxValue;

    public int MaxRow { get; private set; }

    public int MinColumn { get; private set; } = int.MaxValue;

    public int MaxColumn { get; private set; }

    public int RowCount { get; private set; }

    public long CellCount { get; private set; }

    public long FormulaCount { get; private set; }

    public int MergedCount { get; private set; }

    public List<string> MergedSamples { get; } = [];

    public int ConditionalFormatCount { get; private set; }

    public int DataValidationCount { get; private set; }

    public int HyperlinkCount { get; private set; }

    public string? Frozen { get; private set; }

    public bool IsEmpty => MaxRow == 0;

    public RangeAddress? Used => IsEmpty ? null : new RangeAddress(null, MinRow, MinColumn, MaxRow, MaxColumn);

    public static SheetScan Of(WorksheetPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var scan = new SheetScan();
        // A sheet an operation changed lives in its DOM, ahead of the part's stream.
        using var reader = part.IsRootElementLoaded ? OpenXmlReader.Create(part.Worksheet) : OpenXmlReader.Create(part);
        var previousRow = 0;
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                previousRow = row.RowIndex?.Value is { } r ? (int)r : previousRow + 1;
                scan.AddRow(previousRow, row);
            }
            else if (type == typeof(Pane))
            {
                var pane = (Pane)reader.LoadCurrentElement()!;
                if (pane.State?.Value is { } state && (state == PaneStateValues.Frozen || state == PaneStateValues.FrozenSplit))
                {
                    scan.Frozen = $"{pane.TopLeftCell?.Value ?? "?"} ({pane.VerticalSplit?.Value ?? 0} row(s), {pane.HorizontalSplit?.Value ?? 0} column(s) frozen)";
                }
            }
            else if (type == typeof(MergeCell))
            {
                scan.MergedCount++;
                if (scan.MergedSamples.Count < 5 && ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value is { } merged)
                {
                    scan.MergedSamples.Add(merged);
                }
            }
            else if (type == typeof(ConditionalFormatting))
            {
                scan.ConditionalFormatCount++;
                reader.Skip();
            }
            else if (type == typeof(DataValidation))
            {
                scan.DataValidationCount++;
                reader.Skip();
            }
            else if (type == typeof(Hyperlink))
            {
                scan.HyperlinkCount++;
            }
        }

        return scan;
    }

    private void AddRow(int index, Row row)
    {
        var previousColumn = 0;
        var first = int.MaxValue;
        var last = 0;
        var cells = new List<(int Column, Cell Cell)>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { Length: > 0 } reference && CellAddress.TryParse(reference, out var address)
                ? address.Column
                : previousColumn + 1;
            previousColumn = column;
            if (cell.CellValue is null && cell.CellFormula is null && cell.InlineString is null)
            {
                continue;
            }

            if (cell.CellFormula is { } f && f.FormulaType?.Value == CellFormulaValues.Shared && f.SharedIndex?.Value is { } si && !string.IsNullOrEmpty(f.Text))
            {
                SharedFormulas.TryAdd(si, (new CellAddress(index, column), f.Text));
            }

            cells.Add((column, cell));
            CellCount++;
            FormulaCount += cell.CellFormula is null ? 0 : 1;
            first = Math.Min(first, column);
            last = Math.Max(last, column);
        }

        if (last == 0)
        {
            return;
        }

        RowCount++;
        MinRow = Math.Min(MinRow, index);
        MaxRow = Math.Max(MaxRow, index);
        MinColumn = Math.Min(MinColumn, first);
        MaxColumn = Math.Max(MaxColumn, last);
        var scanned = new ScannedRow(index, cells);
        if (FirstRows.Count < KeptRows)
        {
            FirstRows.Add(scanned);
        }

        LastRow = scanned;
    }
}

/// <summary>A kept row: its 1-based index and its non-empty cells by column.</summary>
internal sealed record ScannedRow(int Row, IReadOnlyList<(int Column, Cell Cell)> Cells);
