using System.Text;
using Officina.Operations;
using Officina.Planning.Model;

namespace Officina.Planning.Prompts;

/// <summary>
/// The instructions the model plans under: how to work (tools, validation, verification) and
/// the craft of the host (for workbooks: inputs apart from calculations, no hard-coded
/// numbers in formulas, consistent formats, the workbook's own styles).
/// </summary>
public static partial class PlanningPrompts
{
    public static string Instructions(DocumentHost host, ToolLoading loading, string? manifest, bool hasSources = false)
    {
        var text = new StringBuilder();
        text.AppendLine($"You edit a {Noun(host)} for a user by calling operations (tools). Every call is validated against the current document; "
            + "a write changes the working copy at once and later calls see its effect. A call that fails returns errors naming the property, the rule and the bad value: "
            + "fix the arguments and call again. When the work is done, stop calling tools and reply with one or two sentences on what you did. "
            + "The result is then verified (recalculation errors, schema validation); if findings come back, repair them with more calls.");
        text.AppendLine();
        text.AppendLine("How to work:");
        text.AppendLine("- Read before you write when the digest does not show what you need (read operations are cheap).");
        text.AppendLine("- Prefer few, large calls: one call per rectangular block of values, one formula filled over a whole range.");
        text.AppendLine("- Never invent sheet names, ranges or values the document and the instruction do not give you; say what is missing instead.");
        text.AppendLine("- Independent calls may go in one turn; they run in the order given.");
        text.AppendLine(loading switch
        {
            ToolLoading.Native => "- Operations are grouped in namespaces; use tool search to load the ones you need before calling them.",
            ToolLoading.Manifest => $"- Only load_tools is callable at first. Call it once with every operation you expect to need (from the manifest below), then call them.",
            _ => "- Every operation is available directly.",
        });
        if (hasSources)
        {
            text.AppendLine();
            text.AppendLine(SourcesCraft);
        }

        text.AppendLine();
        text.AppendLine(Craft(host));
        if (manifest is not null)
        {
            text.AppendLine();
            text.Append(manifest);
        }

        return text.ToString();
    }

    public static string FirstMessage(string instruction, string digest, IReadOnlyList<string>? sources = null)
    {
        var text = new StringBuilder($"Instruction: {instruction}\n\nThe document as it is now (digest):\n{digest}");
        if (sources is { Count: > 0 })
        {
            text.Append("\n\nSource material (anchors in brackets name pages, rows, tables, paths):\n");
            foreach (var source in sources)
            {
                text.Append('\n').Append(source);
            }
        }

        return text.ToString();
    }

    private const string SourcesCraft = """
        Sources:
        - The first message holds the user's source files as text with anchors: [p.2] a PDF page, "r3: a | b" row 3 of a table found on the page (cite a cell as p.2 table 1 r3c2), [row 14] a CSV row, [$.path] a JSON value, [slide 3], [para 5], [sheet Name].
        - Take numbers from the sources exactly as written (mind units such as thousands); never guess a value a source does not give.
        - After writing values taken from a source, call cite_source once per block of cells with the source name and the anchor; citations are listed on a "Sources" sheet.
        - Call read_source for pages or rows the first message does not show. CSV sources can be imported whole with import_csv by their name.
        """;

    public static string Findings(VerificationReport report, int round, int maxRounds)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder($"Verification found problems (repair round {round} of {maxRounds}). Fix them with more calls, then stop:\n");
        foreach (var finding in report.Findings.Where(f => f.Severity != FindingSeverity.Info).Take(50))
        {
            text.AppendLine($"- {finding.Severity.ToString().ToLowerInvariant()} {finding.Code} at {finding.Location}: {finding.Message}");
        }

        return text.ToString();
    }

    public static string Truncated(string reason) =>
        $"Your last answer was cut off ({reason}) and nothing from it was applied. Continue in smaller steps: fewer cells per call, fewer calls per turn.";

    private static string Noun(DocumentHost host) => host switch
    {
        DocumentHost.Excel => "an Excel workbook",
        DocumentHost.Word => "a Word document",
        _ => "a PowerPoint deck",
    };

    /// <summary>The craft guide of <paramref name="host"/>: how a careful person edits that kind of document (the planning prompt and the MCP prompts share it).</summary>
    public static string Craft(DocumentHost host) => host switch
    {
        DocumentHost.Excel => """
            Spreadsheet craft:
            - Keep inputs (assumptions, raw data) apart from calculations: inputs in their own labelled block or sheet, calculations refer to them.
            - No hard-coded numbers inside formulas: =B5*(1+Assumptions!$B$2), not =B5*1.08. Use absolute references for fixed inputs.
            - Write formulas with set_formulas (one formula over a range fills like Excel); set_values is for literals only.
            - Label every row and column; put units in labels; one number format per kind of value (currency, percent, counts) and use it consistently.
            - Use the workbook's own styles, fonts and layout conventions; do not restyle what you were not asked to change.
            - Check the result reads correctly: totals add up, no #DIV/0!, #REF! or #NAME? errors.
            """,
        DocumentHost.Word => """
            Document craft:
            - Use the document's own paragraph and heading styles; never fake a heading with bold text.
            - Keep the author's wording where you were not asked to change it; when asked for tracked changes, every edit must be a revision.
            """,
        _ => """
            Deck craft:
            - Action titles: each title is a full sentence that states the slide's message ("Churn fell by a third after the redesign"), not a topic ("Churn"); the titles read in order tell the story.
            - One message per slide; at most about 6 bullets of one line each; split a slide rather than shrink its text.
            - Every number carries its unit and its source: put the source on the Chart layout's source line, or in a small text box at the foot ("Source: …").
            - Use the template's layouts (list_layouts) for what they are made for: Title Slide, Section Header between parts, Big Number for one striking figure, Chart for a chart with its source, Comparison for two options, Closing for the ask; fill their placeholders; no text overflowing its box; no leftover placeholder text.
            - Show trends and comparisons as charts (add_chart: line for time, column or bar for categories, data_labels for few points), not tables; a table is for exact values a reader looks up.
            - Colour with the theme's colours only (accent1…accent6, text1, background1) so edits follow the template and apply_theme; never pick RGB colours or fonts of your own; format only what was asked (format_text with match formats just those words).
            - Edit what is there rather than rebuilding it: a table's cells with set_table_text, format_table and merge_table_cells; a picture's image with replace_image (it keeps the frame).
            """,
    };

    /// <summary>Whether the instruction asks for tracked changes ("track the changes", "with tracked changes", "redline").</summary>
    public static bool AsksForTrackedChanges(string instruction) =>
        TrackedChangesRequest().IsMatch(instruction ?? "");

    [System.Text.RegularExpressions.GeneratedRegex(@"\btrack(?:ed|ing)?\s+(?:the\s+|my\s+|all\s+|your\s+)?(?:changes|edits|revisions)\b|\bredline|\bas\s+revisions\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TrackedChangesRequest();
}
