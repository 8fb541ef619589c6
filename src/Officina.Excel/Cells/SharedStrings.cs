using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Cells;

/// <summary>The workbook's shared string table: looks strings up by index and adds new ones once.</summary>
public sealed class SharedStrings(WorkbookPart workbookPart)
{
    private List<SharedStringItem>? _items;
    private Dictionary<string, int>? _index;

    private SharedStringTable Table
    {
        get
        {
            var part = workbookPart.SharedStringTablePart ?? workbookPart.AddNewPart<SharedStringTablePart>();
            part.SharedStringTable ??= new SharedStringTable();
            return part.SharedStringTable;
        }
    }

    /// <summary>The plain text of item <paramref name="index"/> (rich text runs joined), or null when out of range.</summary>
    public string? Get(int index)
    {
        var items = Items();
        return index >= 0 && index < items.Count ? TextOf(items[index]) : null;
    }

    /// <summary>The index of <paramref name="text"/>, adding it when new.</summary>
    public int GetOrAdd(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = Index();
        if (index.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var item = new SharedStringItem(CellText.Create(text));
        Table.AppendChild(item);
        _items!.Add(item);
        var position = _items.Count - 1;
        index[text] = position;
        if (Table.UniqueCount is not null)
        {
            Table.UniqueCount = (uint)_items.Count;
        }

        return position;
    }

    public static string TextOf(OpenXmlElement item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.FirstChild is Text only && item.ChildElements.Count == 1)
        {
            return only.Text;
        }

        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? "").Prepend(item.GetFirstChild<Text>()?.Text ?? ""));
    }

    private List<SharedStringItem> Items() => _items ??= [.. Table.Elements<SharedStringItem>()];

    private Dictionary<string, int> Index()
    {
        if (_index is null)
        {
            var items = Items();
            _index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                // Only plain items can be reused for plain text; rich ones keep their formatting.
                if (items[i].ChildElements.Count == 1 && items[i].FirstChild is Text t)
                {
                    _index.TryAdd(t.Text, i);
                }
            }
        }

        return _index;
    }
}

/// <summary>Text elements with <c>xml:space="preserve"</c> where leading or trailing spaces would otherwise be lost.</summary>
public static class CellText
{
    public static Text Create(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var element = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
        {
            element.Space = SpaceProcessingModeValues.Preserve;
        }

        return element;
    }
}
