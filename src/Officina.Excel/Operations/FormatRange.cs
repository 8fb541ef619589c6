using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Styles;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Horizontal alignment of cell content.</summary>
public enum HorizontalAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>Vertical alignment of cell content.</summary>
public enum VerticalAlign
{
    Top,
    Center,
    Bottom,
}

/// <summary>Border lines: around each cell (thin, medium, thick), around the range only (outline, thin), or none.</summary>
public enum BorderLine
{
    None,
    Thin,
    Medium,
    Thick,
    Outline,
}

/// <summary>
/// Formats a range: number format, font, fill, alignment and borders. Only the properties
/// given change; each cell keeps the rest of its format. For every distinct existing format in
/// the range a new cell format is derived (identical ones reused), so other cells that shared
/// the old one are untouched. Cells that do not exist yet are created (starting from their
/// row's or column's style) so the format shows; whole rows or columns are formatted only as
/// far as cells exist.
/// </summary>
[Operation("format_range", "Format a range: number format, font, fill, alignment, borders.")]
public sealed partial record FormatRange(
    [property: Description("Range to format, e.g. 'Forecast'!B2:B6")] string Range,
    [property: Description("Excel number format code, e.g. #,##0.00 or 0% or yyyy-mm-dd")] string? NumberFormat = null,
    [property: Description("Bold on or off")] bool? Bold = null,
    [property: Description("Italic on or off")] bool? Italic = null,
    [property: Description("Single underline on or off")] bool? Underline = null,
    [property: Description("Font color as hex RRGGBB, e.g. 1F4E79")] string? FontColor = null,
    [property: Description("Font size in points (1 to 409)")] double? FontSize = null,
    [property: Description("Font name, e.g. Arial")] string? FontName = null,
    [property: Description("Fill (background) color as hex RRGGBB, or none to remove the fill")] string? FillColor = null,
    [property: Description("left, center, right or justify")] HorizontalAlign? HorizontalAlignment = null,
    [property: Description("top, center or bottom")] VerticalAlign? VerticalAlignment = null,
    [property: Description("Wrap text on or off")] bool? WrapText = null,
    [property: Description("none, thin, medium or thick around each cell, or outline (thin, around the range only)")] BorderLine? Border = null,
    [property: Description("Border color as hex RRGGBB; null is automatic (black)")] string? BorderColor = null,
    [property: Description("Indent level (0 to 250)")] int? Indent = null)
    : WriteOperation<WorkbookSession>
{
    public const long MaxCells = 1_000_000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (session.TryResolve(Range, "range", errors, out var range, out var sheet)
            && (CopyRange.Clip(range, sheet)?.CellCount ?? 0) > MaxCells)
        {
            errors.Add(new("range", "max_cells", $"format_range formats at most {MaxCells:N0} cells. Given: {range} ({range.CellCount:N0} cells)."));
        }

        if (NumberFormat is null && Bold is null && Italic is null && Underline is null && FontColor is null && FontSize is null && FontName is null
            && FillColor is null && HorizontalAlignment is null && VerticalAlignment is null && WrapText is null && Border is null && BorderColor is null && Indent is null)
        {
            errors.Add(new("$", "format_required", "Give at least one format property (number_format, bold, fill_color, border, …). Given: none."));
        }

        CheckColor(FontColor, "font_color", allowNone: false, errors);
        CheckColor(FillColor, "fill_color", allowNone: true, errors);
        CheckColor(BorderColor, "border_color", allowNone: false, errors);
        if (FontSize is { } size && (double.IsNaN(size) || size < 1 || size > 409))
        {
            errors.Add(new("font_size", "font_size_range", $"font_size must be between 1 and 409 points. Given: {size.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (FontName is not null && (FontName.Trim().Length == 0 || FontName.Length > 31))
        {
            errors.Add(new("font_name", "font_name", $"font_name must be 1 to 31 characters. Given: '{FontName}'."));
        }

        if (Indent is { } indent && (indent < 0 || indent > 250))
        {
            errors.Add(new("indent", "indent_range", $"indent must be between 0 and 250. Given: {indent}."));
        }

        if (NumberFormat is not null && NumberFormatProblem(NumberFormat) is { } problem)
        {
            errors.Add(new("number_format", "number_format", $"{problem} Given: '{NumberFormat}'."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var target = CopyRange.Clip(range, sheet);
        if (target is null)
        {
            return new Change("format_range", range.ToString(), $"Nothing to format: {range} has no cells", 0);
        }

        var edit = Edit();
        var derived = new Dictionary<(uint, CellEdges), uint>();
        var columnStyles = ColumnStyles(sheet);
        var count = 0;
        for (var r = target.FirstRow; r <= target.LastRow; r++)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            var row = sheet.FindRow(r);
            uint? rowStyle = row?.CustomFormat?.Value == true ? row.StyleIndex?.Value : null;
            for (var c = target.FirstColumn; c <= target.LastColumn; c++)
            {
                var existing = sheet.FindCell(r, c);
                var baseStyle = existing?.StyleIndex?.Value ?? rowStyle ?? columnStyles(c);
                var edges = Border == BorderLine.Outline ? Edges(target, r, c) : CellEdges.All;
                if (!derived.TryGetValue((baseStyle, edges), out var style))
                {
                    style = edit.Derive(session.Styles, baseStyle, edges);
                    derived[(baseStyle, edges)] = style;
                }

                var cell = existing ?? sheet.GetOrAddCell(r, c);
                cell.StyleIndex = style == 0 ? null : style;
                count++;
            }
        }

        return new Change("format_range", target.ToString(), $"Formatted {count} cell(s) in {target} ({Describe()}); {derived.Values.Distinct().Count()} cell format(s) used", count);
    }

    private StyleEdit Edit() => new()
    {
        NumberFormat = NumberFormat,
        Bold = Bold,
        Italic = Italic,
        Underline = Underline,
        FontColor = FontColor,
        FontSize = FontSize,
        FontName = FontName?.Trim(),
        FillColor = FillColor,
        Horizontal = HorizontalAlignment switch
        {
            HorizontalAlign.Left => HorizontalAlignmentValues.Left,
            HorizontalAlign.Center => HorizontalAlignmentValues.Center,
            HorizontalAlign.Right => HorizontalAlignmentValues.Right,
            HorizontalAlign.Justify => HorizontalAlignmentValues.Justify,
            _ => null,
        },
        Vertical = VerticalAlignment switch
        {
            VerticalAlign.Top => VerticalAlignmentValues.Top,
            VerticalAlign.Center => VerticalAlignmentValues.Center,
            VerticalAlign.Bottom => VerticalAlignmentValues.Bottom,
            _ => null,
        },
        WrapText = WrapText,
        Indent = Indent is { } i ? (uint)i : null,
        BorderStyle = Border switch
        {
            BorderLine.None => BorderStyleValues.None,
            BorderLine.Thin or BorderLine.Outline => BorderStyleValues.Thin,
            BorderLine.Medium => BorderStyleValues.Medium,
            BorderLine.Thick => BorderStyleValues.Thick,
            _ => null,
        },
        BorderColor = BorderColor,
    };

    private string Describe()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} {Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant()}");
            }
        }

        Add("number format", NumberFormat);
        Add("bold", Bold);
        Add("italic", Italic);
        Add("underline", Underline);
        Add("font color", FontColor);
        Add("font size", FontSize);
        Add("font", FontName);
        Add("fill", FillColor);
        Add("horizontal", HorizontalAlignment);
        Add("vertical", VerticalAlignment);
        Add("wrap", WrapText);
        Add("border", Border);
        Add("border color", BorderColor);
        Add("indent", Indent);
        return string.Join(", ", parts);
    }

    private static CellEdges Edges(RangeAddress range, int row, int column) =>
        (column == range.FirstColumn ? CellEdges.Left : CellEdges.None) | (column == range.LastColumn ? CellEdges.Right : CellEdges.None)
        | (row == range.FirstRow ? CellEdges.Top : CellEdges.None) | (row == range.LastRow ? CellEdges.Bottom : CellEdges.None);

    /// <summary>A new cell takes its column's style when its row has none, as Excel shows it.</summary>
    private static Func<int, uint> ColumnStyles(SheetCells sheet)
    {
        var spans = sheet.Worksheet.GetFirstChild<Columns>()?.Elements<Column>()
            .Select(c => (Min: c.Min?.Value ?? 0, Max: c.Max?.Value ?? 0, Style: c.Style?.Value ?? 0)).ToList() ?? [];
        return column => spans.FirstOrDefault(s => s.Min <= column && column <= s.Max).Style;
    }

    private static void CheckColor(string? value, string property, bool allowNone, List<OperationError> errors)
    {
        if (value is null || (allowNone && value.Equals("none", StringComparison.OrdinalIgnoreCase)) || HexColor().IsMatch(value))
        {
            return;
        }

        errors.Add(new(property, "color", $"{property} must be a hex color RRGGBB like 1F4E79{(allowNone ? " or none" : "")}. Given: '{value}'."));
    }

    /// <summary>A rough syntax check: non-empty, at most 255 characters and 4 sections, quotes and brackets balanced.</summary>
    internal static string? NumberFormatProblem(string code)
    {
        if (code.Trim().Length == 0)
        {
            return "number_format must not be empty.";
        }

        if (code.Length > 255)
        {
            return $"number_format is at most 255 characters (this one has {code.Length}).";
        }

        bool quoted = false, bracket = false;
        var sections = 1;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '\\' && !quoted)
            {
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '[')
            {
                if (bracket)
                {
                    return "number_format has a '[' inside brackets.";
                }

                bracket = true;
            }
            else if (!quoted && ch == ']')
            {
                if (!bracket)
                {
                    return "number_format has a ']' without its '['.";
                }

                bracket = false;
            }
            else if (!quoted && !bracket && ch == ';')
            {
                sections++;
            }
        }

        return quoted ? "number_format has an unclosed '\"'."
            : bracket ? "number_format has an unclosed '['."
            : sections > 4 ? "number_format has at most 4 sections separated by ';'."
            : null;
    }

    [GeneratedRegex("^#?[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
