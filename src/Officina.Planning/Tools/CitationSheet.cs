using System.Text.Json.Nodes;
using Officina.Excel;

namespace Officina.Planning.Tools;

/// <summary>
/// Writes citations into a workbook as a "Sources" sheet (Cell | Source | Location | Note, one
/// row per citation), through ordinary <c>add_sheet</c> and <c>set_values</c> operations so they
/// are part of the plan and replay with it. The sheet is named "Sources", or "Sources 2", …
/// when the workbook already has one. Later citations (after a repair round) are appended.
/// Other hosts keep citations in the result only, until they have a place to put them.
/// </summary>
internal sealed class CitationSheet
{
    private string? _sheet;
    private int _written;

    /// <summary>Applies the operations for citations not yet written; returns their results (applied operations and changes).</summary>
    public IEnumerable<ToolCallResult> Flush(IReadOnlyList<SourceCitation> citations, ToolCallHandler handler, Officina.Operations.IDocumentSession session)
    {
        if (session is not WorkbookSession book || _written >= citations.Count)
        {
            yield break;
        }

        var rows = new JsonArray();
        if (_sheet is null)
        {
            _sheet = "Sources";
            for (var n = 2; book.Sheets.Any(s => string.Equals(s.Name, _sheet, StringComparison.OrdinalIgnoreCase)); n++)
            {
                _sheet = $"Sources {n}";
            }

            yield return handler.Handle("add_sheet", new JsonObject { ["name"] = _sheet, ["position"] = null }.ToJsonString());
            rows.Add(new JsonArray("Cell", "Source", "Location", "Note"));
        }

        var firstRow = rows.Count == 1 ? 1 : _written + 2;
        foreach (var citation in citations.Skip(_written))
        {
            rows.Add(new JsonArray(citation.Cells, citation.Source, citation.Location, citation.Note is null ? null : JsonValue.Create(citation.Note)));
        }

        var lastRow = firstRow + rows.Count - 1;
        _written = citations.Count;
        var range = $"'{_sheet}'!A{firstRow}:D{lastRow}";
        yield return handler.Handle("set_values", new JsonObject { ["range"] = range, ["values"] = rows }.ToJsonString());
    }
}
