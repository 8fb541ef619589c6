using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;

namespace Officina.Excel.Layout;

/// <summary>Reads and edits a worksheet's <c>&lt;mergeCells&gt;</c>, keeping the element in schema order and its count right.</summary>
public static class MergedRanges
{
    /// <summary>The merged areas of <paramref name="worksheet"/>, each with its element.</summary>
    public static IReadOnlyList<(RangeAddress Range, MergeCell Element)> Of(Worksheet worksheet)
    {
        ArgumentNullException.ThrowIfNull(worksheet);
        var list = new List<(RangeAddress, MergeCell)>();
        foreach (var merge in worksheet.GetFirstChild<MergeCells>()?.Elements<MergeCell>() ?? [])
        {
            if (RangeAddress.TryParse(merge.Reference?.Value, out var range, out _))
            {
                list.Add((range, merge));
            }
        }

        return list;
    }

    public static void Add(Worksheet worksheet, RangeAddress range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var merges = WorksheetLayout.GetOrInsert<MergeCells>(worksheet);
        merges.AppendChild(new MergeCell { Reference = range.Reference });
        merges.Count = (uint)merges.Elements<MergeCell>().Count();
    }

    /// <summary>Removes merge elements, dropping <c>&lt;mergeCells&gt;</c> when it becomes empty (an empty one is invalid).</summary>
    public static void Remove(Worksheet worksheet, IEnumerable<MergeCell> elements)
    {
        ArgumentNullException.ThrowIfNull(worksheet);
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var element in elements.ToList())
        {
            element.Remove();
        }

        if (worksheet.GetFirstChild<MergeCells>() is { } merges)
        {
            var count = merges.Elements<MergeCell>().Count();
            if (count == 0)
            {
                merges.Remove();
            }
            else
            {
                merges.Count = (uint)count;
            }
        }
    }
}
