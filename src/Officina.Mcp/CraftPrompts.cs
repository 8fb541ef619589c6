using System.ComponentModel;
using ModelContextProtocol.Server;
using Officina.Operations;
using Officina.Planning.Prompts;

namespace Officina.Mcp;

/// <summary>Each host's craft guide, the text the planning prompt gives a model, as an MCP prompt.</summary>
[McpServerPromptType]
public static class CraftPrompts
{
    [McpServerPrompt(Name = "excel_craft", Title = "Spreadsheet craft")]
    [Description("How to edit a workbook well: inputs apart from calculations, no hard-coded numbers in formulas, consistent formats, the workbook's own styles.")]
    public static string ExcelCraft() => PlanningPrompts.Craft(DocumentHost.Excel);

    [McpServerPrompt(Name = "word_craft", Title = "Document craft")]
    [Description("How to edit a Word document well: its own styles, the author's wording, tracked changes when asked.")]
    public static string WordCraft() => PlanningPrompts.Craft(DocumentHost.Word);

    [McpServerPrompt(Name = "powerpoint_craft", Title = "Deck craft")]
    [Description("How to edit a deck well: the template's layouts and placeholders, no overflowing text, theme colours.")]
    public static string PowerPointCraft() => PlanningPrompts.Craft(DocumentHost.PowerPoint);
}
