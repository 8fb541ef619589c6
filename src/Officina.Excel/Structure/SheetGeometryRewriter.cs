using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Xm = DocumentFormat.OpenXml.Office.Excel;

namespace Officina.Excel.Structure;

/// <summary>
/// Rewrites the ranges and formulas a worksheet keeps outside its cells: dimension, merged
/// cells, conditional formatting and data validation (including their x14 extensions),
/// hyperlinks, filters and sort states, tables and pivot table locations. Areas whose cells
/// are all deleted are removed, as Excel removes them.
/// </summary>
internal sealed class SheetGeometryRewriter(string sheet, Func<string, string, string> rewrite)
{
    public int FormulasChanged { get; private set; }

    public void Rewrite(WorksheetPart part)
    {
        var worksheet = part.Worksheet;
        if (worksheet.GetFirstChild<SheetDimension>() is { Reference.Value: { } dimension } dim)
        {
            dim.Reference = Range(dimension) ?? "A1";
        }

        RewriteMergedCells(worksheet);
        RewriteConditionalFormats(worksheet);
        RewriteDataValidations(worksheet);
        RewriteHyperlinks(part, worksheet);
        RewriteFilters(worksheet);
        RewriteExtensions(worksheet);
        foreach (var table in part.TableDefinitionParts)
        {
            RewriteTable(table);
        }

        foreach (var pivot in part.PivotTableParts)
        {
            if (pivot.PivotTableDefinition?.Location is { Reference.Value: { } location } place)
            {
                place.Reference = Range(location) ?? location;
            }
        }
    }

    /// <summary>The range's new text, or null when all its cells are gone.</summary>
    private string? Range(string reference)
    {
        var updated = rewrite(reference, sheet);
        return updated.Contains(FormulaReferences.RefError, StringComparison.Ordinal) ? null : updated;
    }

    /// <summary>A space-separated list of ranges, minus those whose cells are all gone; null when none are left.</summary>
    private string? Ranges(string references)
    {
        var kept = references.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Range).OfType<string>().ToList();
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    private string Formula(string text)
    {
        var updated = rewrite(text, sheet);
        if (updated != text)
        {
            FormulasChanged++;
        }

        return updated;
    }

    private void RewriteMergedCells(Worksheet worksheet)
    {
        if (worksheet.GetFirstChild<MergeCells>() is not { } merges)
        {
            return;
        }

        foreach (var merge in merges.Elements<MergeCell>().ToList())
        {
            var updated = merge.Reference?.Value is { } reference ? Range(reference) : null;
            if (updated is null || !RangeAddress.TryParse(updated, out var range, out _) || range.IsSingleCell)
            {
                merge.Remove();
            }
            else
            {
                merge.Reference = updated;
            }
        }

        Recount(merges, merges.Elements<MergeCell>().Count(), n => merges.Count = n);
    }

    private void RewriteConditionalFormats(Worksheet worksheet)
    {
        foreach (var format in worksheet.Elements<ConditionalFormatting>().ToList())
        {
            var updated = format.SequenceOfReferences?.InnerText is { } sqref ? Ranges(sqref) : null;
            if (updated is null)
            {
                format.Remove();
                continue;
            }

            format.SequenceOfReferences = new ListValue<StringValue> { InnerText = updated };
            foreach (var formula in format.Descendants<DocumentFormat.OpenXml.Spreadsheet.Formula>())
            {
                formula.Text = Formula(formula.Text);
            }

            foreach (var value in format.Descendants<ConditionalFormatValueObject>())
            {
                if (value.Val?.Value is { Length: > 0 } val)
                {
                    value.Val = Formula(val);
                }
            }
        }
    }

    private void RewriteDataValidations(Worksheet worksheet)
    {
        if (worksheet.GetFirstChild<DataValidations>() is not { } validations)
        {
            return;
        }

        foreach (var validation in validations.Elements<DataValidation>().ToList())
        {
            var updated = validation.SequenceOfReferences?.InnerText is { } sqref ? Ranges(sqref) : null;
            if (updated is null)
            {
                validation.Remove();
                continue;
            }

            validation.SequenceOfReferences = new ListValue<StringValue> { InnerText = updated };
            if (validation.Formula1 is { } f1)
            {
                f1.Text = Formula(f1.Text);
            }

            if (validation.Formula2 is { } f2)
            {
                f2.Text = Formula(f2.Text);
            }
        }

        Recount(validations, validations.Elements<DataValidation>().Count(), n => validations.Count = n);
    }

    private void RewriteHyperlinks(WorksheetPart part, Worksheet worksheet)
    {
        if (worksheet.GetFirstChild<Hyperlinks>() is not { } links)
        {
            return;
        }

        foreach (var link in links.Elements<Hyperlink>().ToList())
        {
            var updated = link.Reference?.Value is { } reference ? Range(reference) : null;
            if (updated is not null)
            {
                link.Reference = updated;
                if (link.Location?.Value is { } location)
                {
                    link.Location = Formula(location);
                }

                continue;
            }

            link.Remove();
            if (link.Id?.Value is { } id && part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id) is { } relationship)
            {
                part.DeleteReferenceRelationship(relationship);
            }
        }

        if (!links.HasChildren)
        {
            links.Remove();
        }
    }

    private void RewriteFilters(OpenXmlElement root)
    {
        foreach (var filter in root.Elements<AutoFilter>().ToList())
        {
            if (filter.Reference?.Value is { } reference && Range(reference) is { } updated)
            {
                filter.Reference = updated;
            }
            else
            {
                filter.Remove();
            }
        }

        var sorts = root.Elements<SortState>().Concat(root.Elements<AutoFilter>().SelectMany(f => f.Elements<SortState>())).ToList();
        foreach (var sort in sorts)
        {
            RewriteSort(sort);
        }
    }

    private void RewriteSort(SortState sort)
    {
        if (sort.Reference?.Value is not { } reference || Range(reference) is not { } updated)
        {
            sort.Remove();
            return;
        }

        sort.Reference = updated;
        foreach (var condition in sort.Elements<SortCondition>().ToList())
        {
            if (condition.Reference?.Value is { } r && Range(r) is { } u)
            {
                condition.Reference = u;
            }
            else
            {
                condition.Remove();
            }
        }

        if (!sort.Elements<SortCondition>().Any())
        {
            sort.Remove();
        }
    }

    /// <summary>x14 conditional formats and validations live in the extension list with xm:sqref and xm:f.</summary>
    private void RewriteExtensions(Worksheet worksheet)
    {
        if (worksheet.GetFirstChild<WorksheetExtensionList>() is not { } extensions)
        {
            return;
        }

        foreach (var sqref in extensions.Descendants<Xm.ReferenceSequence>().ToList())
        {
            var updated = Ranges(sqref.Text);
            if (updated is null)
            {
                sqref.Parent?.Remove();
            }
            else
            {
                sqref.Text = updated;
            }
        }

        foreach (var formula in extensions.Descendants<Xm.Formula>())
        {
            formula.Text = Formula(formula.Text);
        }
    }

    private void RewriteTable(TableDefinitionPart part)
    {
        if (part.Table is not { } table)
        {
            return;
        }

        if (table.Reference?.Value is { } reference && Range(reference) is { } updated)
        {
            table.Reference = updated;
        }

        if (table.AutoFilter is { Reference.Value: { } filter } autoFilter && Range(filter) is { } updatedFilter)
        {
            autoFilter.Reference = updatedFilter;
        }

        foreach (var sort in table.Elements<SortState>().Concat(table.AutoFilter?.Elements<SortState>() ?? []).ToList())
        {
            RewriteSort(sort);
        }

        foreach (var column in table.TableColumns?.Elements<TableColumn>() ?? [])
        {
            if (column.CalculatedColumnFormula is { } calculated)
            {
                calculated.Text = Formula(calculated.Text);
            }

            if (column.TotalsRowFormula is { } totals)
            {
                totals.Text = Formula(totals.Text);
            }
        }
    }

    private static void Recount(OpenXmlElement container, int count, Action<uint> setCount)
    {
        if (count == 0)
        {
            container.Remove();
        }
        else
        {
            setCount((uint)count);
        }
    }
}
