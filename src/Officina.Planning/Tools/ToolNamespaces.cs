using Officina.Operations;

namespace Officina.Planning.Tools;

/// <summary>A group of related operations offered to the model under one name, fewer than 10 per group.</summary>
public sealed record ToolNamespace(string Name, string Description, IReadOnlyList<OperationDescriptor> Operations);

/// <summary>
/// Groups a host's operations into namespaces by theme (cells, sheets, structure, format,
/// objects), from a table of known names with a fallback on words in the name, then splits
/// any group of 10 or more into numbered parts (OpenAI's guidance for tool search).
/// </summary>
public static class ToolNamespaces
{
    public const int MaxPerNamespace = 9;

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["read_range"] = "cells", ["find_cells"] = "cells", ["set_values"] = "cells", ["set_formulas"] = "cells",
        ["clear_range"] = "cells", ["copy_range"] = "cells", ["define_name"] = "cells",
        ["list_sheets"] = "sheets", ["add_sheet"] = "sheets", ["rename_sheet"] = "sheets", ["delete_sheet"] = "sheets",
        ["insert_rows"] = "structure", ["delete_rows"] = "structure", ["insert_columns"] = "structure",
        ["delete_columns"] = "structure", ["sort_range"] = "structure", ["remove_rows_where"] = "structure",
        ["format_range"] = "format", ["merge_cells"] = "format", ["set_column_width"] = "format",
        ["freeze_panes"] = "format", ["add_conditional_format"] = "format",
        ["create_table"] = "objects", ["add_data_validation"] = "objects", ["add_chart"] = "objects",
        ["create_pivot_table"] = "objects", ["add_comment"] = "objects",
        ["find_replace"] = "cells", ["set_autofilter"] = "structure", ["set_page_setup"] = "format", ["set_row_height"] = "format",

        // Deck operations whose words would file them elsewhere: a slide's background and a shape's
        // stacking order are formatting, like its fill, outline and geometry.
        ["set_slide_background"] = "format", ["reorder_shape"] = "format",
    };

    private static readonly (string Theme, string[] Words)[] Fallback =
    [
        ("sheets", ["sheet", "slide", "layout"]),
        ("structure", ["row", "column", "sort", "move", "duplicate", "page_break", "section"]),
        ("format", ["format", "style", "width", "height", "merge", "freeze", "font", "border", "color", "geometry", "align"]),
        ("objects", ["chart", "pivot", "table", "comment", "image", "picture", "validation", "shape", "text_box", "hyperlink", "header", "footer", "note"]),
        ("text", ["text", "paragraph", "heading", "list", "outline", "revision", "content_control"]),
    ];

    private static readonly Dictionary<string, string> Themes = new(StringComparer.Ordinal)
    {
        ["cells"] = "Read, find and write cell values, formulas and names",
        ["sheets"] = "List, add, rename and delete sheets, slides or layouts",
        ["structure"] = "Insert, delete, move, sort, filter, hide and group rows, columns and other structure",
        ["format"] = "Number formats, fonts, fills, outlines, borders, backgrounds, sizes and positions, merges, frozen panes, cell styles, page setup",
        ["objects"] = "Tables, charts, pivot tables, comments, validation and other objects",
        ["text"] = "Read and edit text, paragraphs, headings and lists",
        ["other"] = "Other operations",
    };

    public static IReadOnlyList<ToolNamespace> For(IEnumerable<OperationDescriptor> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var result = new List<ToolNamespace>();
        foreach (var group in operations.GroupBy(o => (o.Host, Theme: ThemeOf(o.Name))).OrderBy(g => g.Key.Host).ThenBy(g => Array.IndexOf(Order, g.Key.Theme)))
        {
            var chunks = group.Chunk(MaxPerNamespace).ToList();
            for (var i = 0; i < chunks.Count; i++)
            {
                var name = $"{group.Key.Host.ToName()}_{group.Key.Theme}" + (i == 0 ? "" : $"_{i + 1}");
                var description = $"{Themes[group.Key.Theme]} ({group.Key.Host.ToName()}): {string.Join(", ", chunks[i].Select(o => o.Name))}.";
                result.Add(new ToolNamespace(name, description, chunks[i]));
            }
        }

        return result;
    }

    private static readonly string[] Order = ["cells", "sheets", "structure", "format", "objects", "text", "other"];

    internal static string ThemeOf(string name)
    {
        if (Known.TryGetValue(name, out var theme))
        {
            return theme;
        }

        foreach (var (fallbackTheme, words) in Fallback)
        {
            if (words.Any(w => name.Contains(w, StringComparison.Ordinal)))
            {
                return fallbackTheme;
            }
        }

        return name.Contains("range", StringComparison.Ordinal) || name.Contains("cell", StringComparison.Ordinal) || name.Contains("value", StringComparison.Ordinal)
            ? "cells"
            : "other";
    }
}
