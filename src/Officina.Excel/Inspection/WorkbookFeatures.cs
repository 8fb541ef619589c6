using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Inspection;

/// <summary>A table as a digest lists it.</summary>
internal sealed record TableSummary(string Sheet, string Name, string Reference, IReadOnlyList<string> Columns);

/// <summary>A chart: where it is, its kinds, title and the ranges its series read.</summary>
internal sealed record ChartSummary(string Sheet, IReadOnlyList<string> Kinds, string? Title, IReadOnlyList<string> Series);

/// <summary>A pivot table: name, where it is, its source and its row, column and value fields.</summary>
internal sealed record PivotSummary(string Sheet, string Name, string? Location, string? Source,
    IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<string> Values);

/// <summary>Reads the workbook's structures a planner needs: tables, charts, pivots and defined names.</summary>
internal static class WorkbookFeatures
{
    public static List<TableSummary> Tables(string sheet, WorksheetPart part) =>
        [.. part.TableDefinitionParts.Select(t => t.Table).OfType<Table>().Select(t => new TableSummary(
            sheet,
            t.DisplayName?.Value ?? t.Name?.Value ?? "?",
            t.Reference?.Value ?? "?",
            [.. t.TableColumns?.Elements<TableColumn>().Select(c => c.Name?.Value ?? "") ?? []]))];

    public static List<ChartSummary> Charts(string sheet, DrawingsPart? drawings) =>
        drawings is null ? [] : [.. drawings.ChartParts.Select(c => Chart(sheet, c))];

    private static ChartSummary Chart(string sheet, ChartPart part)
    {
        var space = part.ChartSpace;
        var plot = space?.Descendants().FirstOrDefault(e => e.LocalName == "plotArea");
        var kinds = plot?.ChildElements.Where(e => e.LocalName.EndsWith("Chart", StringComparison.Ordinal))
            .Select(e => ChartKind(e)).ToList() ?? [];
        var titleElement = space?.Descendants().FirstOrDefault(e => e.LocalName == "title" && e.Parent?.LocalName == "chart");
        var title = titleElement is null ? null : string.Concat(titleElement.Descendants().Where(e => e.LocalName == "t").Select(e => e.InnerText));
        if (string.IsNullOrEmpty(title))
        {
            title = titleElement?.Descendants().FirstOrDefault(e => e.LocalName == "f")?.InnerText;
        }

        var series = new List<string>();
        foreach (var ser in plot?.Descendants().Where(e => e.LocalName == "ser") ?? [])
        {
            var parts = new List<string>();
            foreach (var child in ser.ChildElements)
            {
                var formula = child.LocalName is "tx" or "cat" or "val" or "xVal" or "yVal" or "bubbleSize"
                    ? child.Descendants().FirstOrDefault(e => e.LocalName == "f")?.InnerText
                    : null;
                if (!string.IsNullOrEmpty(formula))
                {
                    parts.Add($"{(child.LocalName == "tx" ? "name" : child.LocalName)} {formula}");
                }
            }

            series.Add(parts.Count == 0 ? "(literal values)" : string.Join(", ", parts));
        }

        return new ChartSummary(sheet, kinds, string.IsNullOrEmpty(title) ? null : title, series);
    }

    private static string ChartKind(OpenXmlElement element)
    {
        var kind = element.LocalName[..^"Chart".Length];
        var direction = element.ChildElements.FirstOrDefault(e => e.LocalName == "barDir")?.GetAttributes().FirstOrDefault(a => a.LocalName == "val").Value;
        return direction switch
        {
            "col" => kind.Replace("bar", "column", StringComparison.Ordinal),
            _ => kind,
        };
    }

    public static List<PivotSummary> Pivots(string sheet, WorksheetPart part)
    {
        var list = new List<PivotSummary>();
        foreach (var pivotPart in part.PivotTableParts)
        {
            var pivot = pivotPart.PivotTableDefinition;
            if (pivot is null)
            {
                continue;
            }

            var cache = pivotPart.PivotTableCacheDefinitionPart?.PivotCacheDefinition;
            var fields = cache?.CacheFields?.Elements<CacheField>().Select(f => f.Name?.Value ?? "?").ToList() ?? [];
            var source = cache?.CacheSource?.WorksheetSource is { } ws
                ? ws.Name?.Value ?? $"{(ws.Sheet?.Value is { } s ? s + "!" : "")}{ws.Reference?.Value}"
                : null;
            string FieldName(int index) => index == -2 ? "(Values)" : index >= 0 && index < fields.Count ? fields[index] : $"#{index}";
            list.Add(new PivotSummary(
                sheet,
                pivot.Name?.Value ?? "?",
                pivot.Location?.Reference?.Value,
                source,
                [.. pivot.RowFields?.Elements<Field>().Select(f => FieldName(f.Index?.Value ?? 0)) ?? []],
                [.. pivot.ColumnFields?.Elements<Field>().Select(f => FieldName(f.Index?.Value ?? 0)) ?? []],
                [.. pivot.DataFields?.Elements<DataField>().Select(d => d.Name?.Value ?? FieldName((int)(d.Field?.Value ?? 0))) ?? []]));
        }

        return list;
    }

    /// <summary>Visible defined names as <c>Name = formula</c> (sheet-scoped ones with their sheet), and how many are hidden.</summary>
    public static (List<string> Names, int Hidden) DefinedNames(WorkbookSession session)
    {
        var sheets = session.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToList() ?? [];
        var names = new List<string>();
        var hidden = 0;
        foreach (var name in session.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            if (name.Hidden?.Value == true || (name.Name?.Value ?? "").StartsWith("_xlnm._FilterDatabase", StringComparison.OrdinalIgnoreCase))
            {
                hidden++;
                continue;
            }

            var scope = name.LocalSheetId?.Value is { } id && id < sheets.Count ? $" (sheet '{sheets[(int)id]}')" : "";
            names.Add($"{name.Name?.Value}{scope} = {name.Text}");
        }

        return (names, hidden);
    }
}
