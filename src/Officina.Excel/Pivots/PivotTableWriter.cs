using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Cells;

namespace Officina.Excel.Pivots;

/// <summary>
/// Writes the three parts of a pivot table as Excel does (ECMA-376 Part 1, 18.10): the cache
/// definition on the workbook (worksheet source, fields with shared items for the axis fields,
/// <c>refreshOnLoad</c>), its records, the <c>pivotCaches</c> entry in <c>workbook.xml</c>, and
/// the table definition on the destination sheet, in tabular form without subtotals.
/// </summary>
internal static class PivotTableWriter
{
    /// <summary>Elements that follow <c>pivotCaches</c> in a workbook, by local name.</summary>
    private static readonly string[] AfterPivotCaches = ["smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

    public static void Write(WorkbookSession session, SheetCells destination, PivotRequest request, PivotLayout layout, string name, IReadOnlyList<uint> numberFormats)
    {
        var source = request.Source;
        // Like Excel: axis fields and every field holding text share their items; records point at them with x.
        var axisFields = request.Rows.Concat(request.Columns).Concat(request.Filters)
            .Concat(Enumerable.Range(0, source.Names.Count).Where(f => source.Records.Any(r => r[f].Kind is Officina.Operations.CellValueKind.Text or Officina.Operations.CellValueKind.Boolean)))
            .ToHashSet();

        // Created from the table part, as Excel does, so the SDK names it /xl/pivotCache/…; the workbook then relates to it too.
        var tablePart = destination.Part.AddNewPart<PivotTablePart>();
        var cachePart = tablePart.AddNewPart<PivotTableCacheDefinitionPart>();
        session.WorkbookPart.AddPart(cachePart);
        var recordsPart = cachePart.AddNewPart<PivotTableCacheRecordsPart>();
        recordsPart.PivotCacheRecords = Records(source, axisFields);
        var fields = new CacheFields { Count = (uint)source.Names.Count };
        for (var f = 0; f < source.Names.Count; f++)
        {
            fields.AppendChild(new CacheField(source.SharedItemsElement(f, axisFields.Contains(f))) { Name = source.Names[f], NumberFormatId = 0 });
        }

        cachePart.PivotCacheDefinition = new PivotCacheDefinition(
            new CacheSource(new WorksheetSource { Reference = source.Range.Reference, Sheet = source.Range.Sheet }) { Type = SourceValues.Worksheet },
            fields)
        {
            Id = cachePart.GetIdOfPart(recordsPart),
            RefreshOnLoad = true,
            RefreshedBy = "Officina",
            CreatedVersion = 6,
            RefreshedVersion = 6,
            MinRefreshableVersion = 3,
            RecordCount = (uint)source.Records.Count,
        };
        cachePart.PivotCacheDefinition.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

        var cacheId = RegisterCache(session, cachePart);
        tablePart.PivotTableDefinition = Definition(request, layout, name, cacheId, destination.SheetName, numberFormats);
    }

    /// <summary>Every pivot table name in the workbook, to pick a unique one.</summary>
    public static HashSet<string> ExistingNames(WorkbookSession session) =>
        session.WorkbookPart.WorksheetParts.SelectMany(w => w.PivotTableParts)
            .Select(p => p.PivotTableDefinition?.Name?.Value).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static uint RegisterCache(WorkbookSession session, PivotTableCacheDefinitionPart cachePart)
    {
        var workbook = session.Workbook;
        var caches = workbook.GetFirstChild<PivotCaches>();
        if (caches is null)
        {
            caches = new PivotCaches();
            var before = workbook.ChildElements.FirstOrDefault(e => AfterPivotCaches.Contains(e.LocalName));
            if (before is null)
            {
                workbook.AppendChild(caches);
            }
            else
            {
                workbook.InsertBefore(caches, before);
            }
        }

        var cacheId = caches.Elements<PivotCache>().Select(c => c.CacheId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        caches.AppendChild(new PivotCache { CacheId = cacheId, Id = session.WorkbookPart.GetIdOfPart(cachePart) });
        return cacheId;
    }

    private static PivotCacheRecords Records(PivotSource source, HashSet<int> axisFields)
    {
        var records = new PivotCacheRecords { Count = (uint)source.Records.Count };
        records.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        foreach (var record in source.Records)
        {
            var element = new PivotCacheRecord();
            for (var f = 0; f < record.Length; f++)
            {
                element.AppendChild(axisFields.Contains(f)
                    ? new FieldItem { Val = (uint)source.SharedIndex(f, record[f]) }
                    : PivotSource.Item(record[f]));
            }

            records.AppendChild(element);
        }

        return records;
    }

    private static PivotTableDefinition Definition(PivotRequest request, PivotLayout layout, string name, uint cacheId, string sheet, IReadOnlyList<uint> numberFormats)
    {
        var source = request.Source;
        var body = layout.Body(sheet);
        var location = new Location
        {
            Reference = body.Reference,
            FirstHeaderRow = 1,
            FirstDataRow = (uint)(layout.Levels == 0 ? 1 : 1 + layout.Levels),
            FirstDataColumn = (uint)request.Rows.Length,
        };
        if (request.Filters.Length > 0)
        {
            location.RowPageCount = (uint)request.Filters.Length;
            location.ColumnsPerPage = 1;
        }

        var pivotFields = new PivotFields { Count = (uint)source.Names.Count };
        for (var f = 0; f < source.Names.Count; f++)
        {
            pivotFields.AppendChild(PivotFieldFor(request, f));
        }

        var definition = new PivotTableDefinition(location, pivotFields)
        {
            Name = name,
            CacheId = cacheId,
            ApplyNumberFormats = false,
            ApplyBorderFormats = false,
            ApplyFontFormats = false,
            ApplyPatternFormats = false,
            ApplyAlignmentFormats = false,
            ApplyWidthHeightFormats = true,
            DataCaption = "Values",
            UpdatedVersion = 6,
            MinRefreshableVersion = 3,
            UseAutoFormatting = true,
            ItemPrintTitles = true,
            CreatedVersion = 6,
            Indent = 0,
            Compact = false,
            CompactData = false,
            Outline = true,
            OutlineData = true,
            MultipleFieldFilters = false,
        };

        definition.AppendChild(new RowFields([.. request.Rows.Select(f => new Field { Index = f })]) { Count = (uint)request.Rows.Length });
        definition.AppendChild(RowItems(layout));
        var columnFields = request.Columns.Select(f => new Field { Index = f }).ToList();
        if (request.Values.Length > 1)
        {
            columnFields.Add(new Field { Index = -2 });
        }

        if (columnFields.Count > 0)
        {
            definition.AppendChild(new ColumnFields(columnFields) { Count = (uint)columnFields.Count });
        }

        definition.AppendChild(ColumnItems(layout));
        if (request.Filters.Length > 0)
        {
            definition.AppendChild(new PageFields([.. request.Filters.Select(f => new PageField { Field = f, Hierarchy = -1 })]) { Count = (uint)request.Filters.Length });
        }

        var dataFields = new DataFields { Count = (uint)request.Values.Length };
        for (var d = 0; d < request.Values.Length; d++)
        {
            var value = request.Values[d];
            var element = new DataField { Name = value.Name, Field = (uint)value.Field, BaseField = 0, BaseItem = 0 };
            if (value.Function != PivotFunction.Sum)
            {
                element.Subtotal = value.Function switch
                {
                    PivotFunction.Count => DataConsolidateFunctionValues.Count,
                    PivotFunction.Average => DataConsolidateFunctionValues.Average,
                    PivotFunction.Max => DataConsolidateFunctionValues.Maximum,
                    _ => DataConsolidateFunctionValues.Minimum,
                };
            }

            if (numberFormats[d] != 0)
            {
                element.NumberFormatId = numberFormats[d];
            }

            dataFields.AppendChild(element);
        }

        definition.AppendChild(dataFields);
        definition.AppendChild(new PivotTableStyle
        {
            Name = "PivotStyleLight16",
            ShowRowHeaders = true,
            ShowColumnHeaders = true,
            ShowRowStripes = false,
            ShowColumnStripes = false,
            ShowLastColumn = true,
        });
        return definition;
    }

    private static PivotField PivotFieldFor(PivotRequest request, int f)
    {
        var field = new PivotField { Compact = false, Outline = false, ShowAll = false };
        var axis = request.Rows.Contains(f) ? PivotTableAxisValues.AxisRow
            : request.Columns.Contains(f) ? PivotTableAxisValues.AxisColumn
            : request.Filters.Contains(f) ? PivotTableAxisValues.AxisPage
            : (PivotTableAxisValues?)null;
        if (axis is { } a)
        {
            field.Axis = a;
        }

        if (request.Values.Any(v => v.Field == f))
        {
            field.DataField = true;
        }

        if (axis is not null)
        {
            // Several fields on one axis: no subtotals, so the rendered layout is what Excel refreshes to.
            var crowded = (axis == PivotTableAxisValues.AxisRow && request.Rows.Length > 1)
                || (axis == PivotTableAxisValues.AxisColumn && request.Columns.Length > 1);
            var order = request.Source.DisplayOrder(f);
            var items = new Items([.. order.Select(x => new Item { Index = (uint)x })]);
            if (crowded)
            {
                field.DefaultSubtotal = false;
            }
            else
            {
                items.AppendChild(new Item { ItemType = ItemValues.Default });
            }

            items.Count = (uint)items.ChildElements.Count;
            field.AppendChild(items);
        }

        return field;
    }

    private static RowItems RowItems(PivotLayout layout)
    {
        var items = new RowItems();
        int[]? previous = null;
        foreach (var key in layout.RowKeys)
        {
            items.AppendChild(Item(key, previous, 0));
            previous = key;
        }

        items.AppendChild(new RowItem(new MemberPropertyIndex()) { ItemType = ItemValues.Grand });
        items.Count = (uint)items.ChildElements.Count;
        return items;
    }

    private static ColumnItems ColumnItems(PivotLayout layout)
    {
        var items = new ColumnItems();
        if (layout.Levels == 0)
        {
            items.AppendChild(new RowItem());
        }
        else
        {
            int[]? previous = null;
            foreach (var column in layout.Columns)
            {
                if (column.Grand)
                {
                    var grand = new RowItem(new MemberPropertyIndex()) { ItemType = ItemValues.Grand };
                    if (column.Data > 0)
                    {
                        grand.Index = (uint)column.Data;
                    }

                    items.AppendChild(grand);
                    continue;
                }

                var levels = layout.ColumnLevels(column);
                items.AppendChild(Item(levels, previous, column.Data));
                previous = levels;
            }
        }

        items.Count = (uint)items.ChildElements.Count;
        return items;
    }

    /// <summary>An <c>i</c> element: <c>r</c> counts the leading levels repeated from the previous item; <c>x v</c> are item positions.</summary>
    private static RowItem Item(int[] levels, int[]? previous, int data)
    {
        var repeated = 0;
        while (previous is not null && repeated < levels.Length - 1 && levels[repeated] == previous[repeated])
        {
            repeated++;
        }

        var item = new RowItem();
        if (repeated > 0)
        {
            item.RepeatedItemCount = (uint)repeated;
        }

        if (data > 0)
        {
            item.Index = (uint)data;
        }

        for (var j = repeated; j < levels.Length; j++)
        {
            item.AppendChild(levels[j] == 0 ? new MemberPropertyIndex() : new MemberPropertyIndex { Val = levels[j] });
        }

        return item;
    }
}
