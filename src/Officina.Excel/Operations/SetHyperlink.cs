using System.ComponentModel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Layout;
using Officina.Excel.Styles;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Links a cell to a web or mail address (<c>http</c>, <c>https</c>, <c>mailto</c> only: other
/// schemes such as <c>file:</c> or <c>javascript:</c> are refused, since a workbook link runs
/// whatever it names) through an external relationship, or to a place in the workbook (a cell,
/// a range, a sheet, or a defined name) through the hyperlink's <c>location</c>. The cell shows
/// <see cref="Text"/> when given; an empty cell shows the address, as in Excel, and a cell with a
/// value keeps it. The cell takes Excel's built-in Hyperlink style (blue, underlined).
/// A link already on the cell is replaced; <see cref="Remove"/> takes links off and keeps the text.
/// </summary>
[Operation("set_hyperlink", "Link a cell to a web or mail address, or to a cell or sheet in the workbook.")]
public sealed record SetHyperlink(
    [property: Description("Cell to link, e.g. Summary!B2")] string Cell,
    [property: Description("http, https or mailto address; null when linking inside the workbook")] string? Url = null,
    [property: Description("Place in the workbook: 'Sheet 2'!A1, a sheet name, or a defined name; null for a url")] string? Location = null,
    [property: Description("Text the cell shows; null keeps a value, or shows the address in an empty cell")] string? Text = null,
    [property: Description("Tooltip shown on hover (at most 255 characters)")] string? Tooltip = null,
    [property: Description("True to remove the links on the cell instead (the text stays)")] bool? Remove = null)
    : WriteOperation<WorkbookSession>
{
    public const int MaxUrlLength = 2079;
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Cell);
        if (Location is not null)
        {
            trace.AddressesRange(Location);
        }
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (session.TryResolve(Cell, "cell", errors, out var range, out _) && range.CellCount > 10_000)
        {
            errors.Add(new("cell", "cell", $"A hyperlink covers one cell or a small range (at most 10,000 cells). Given: {range}."));
        }

        if (Remove == true)
        {
            if (Url is not null || Location is not null || Text is not null || Tooltip is not null)
            {
                errors.Add(new("remove", "one_of", "remove takes the links off the cell; give it without url, location, text or tooltip."));
            }

            return errors;
        }

        if ((Url is null) == (Location is null))
        {
            errors.Add(new("url", "one_of", "Give either url (http, https or mailto) or location (a place in this workbook), not both and not neither."));
        }

        if (Url is not null && UrlProblem(Url) is { } problem)
        {
            errors.Add(new("url", "url", problem));
        }

        if (Location is not null && Target(session, Location, out var locationProblem) is null)
        {
            errors.Add(new("location", "location", locationProblem!));
        }

        if (Tooltip is { Length: > 255 })
        {
            errors.Add(new("tooltip", "tooltip_length", $"A hyperlink tooltip is at most 255 characters. Given: {Tooltip.Length}."));
        }

        foreach (var (property, text) in new[] { ("text", Text), ("tooltip", Tooltip), ("url", Url) })
        {
            if (text is not null && XmlText.FirstInvalid(text) is var at and >= 0)
            {
                errors.Add(new(property, "xml_text", $"{property} must not contain characters XML cannot hold ({XmlText.CodePoint(text[at])} at character {at + 1})."));
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Cell);
        var removed = RemoveLinks(sheet, range);
        if (Remove == true)
        {
            return new Change("set_hyperlink", range.ToString(), removed == 0
                ? $"No hyperlink on {range}; nothing to remove"
                : $"Removed {removed} hyperlink(s) from {range}", removed);
        }

        var link = new Hyperlink { Reference = range.Reference };
        if (Tooltip is not null)
        {
            link.Tooltip = Tooltip; // a null StringValue would still be written as tooltip=""
        }
        string address;
        if (Url is not null)
        {
            address = Url.Trim();
            link.Id = sheet.Part.AddHyperlinkRelationship(new Uri(address, UriKind.Absolute), true).Id;
        }
        else
        {
            address = Target(session, Location!, out _)!;
            link.Location = address;
        }

        WorksheetLayout.GetOrInsert<Hyperlinks>(sheet.Worksheet).AppendChild(link);
        var shown = sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn));
        if (Text is not null || shown.IsEmpty)
        {
            sheet.SetValue(range.FirstRow, range.FirstColumn, Officina.Operations.CellValue.FromText(Text ?? address));
        }

        var style = BuiltInCellStyles.Ensure(session.Styles, BuiltInCellStyle.Hyperlink);
        var derived = new Dictionary<uint, uint>();
        foreach (var place in range.Cells())
        {
            var cell = sheet.GetOrAddCell(place.Row, place.Column);
            var current = cell.StyleIndex?.Value ?? 0;
            if (!derived.TryGetValue(current, out var styled))
            {
                styled = ApplyCellStyle.Derive(session.Styles, current, style, StyleParts.Font);
                derived[current] = styled;
            }

            cell.StyleIndex = styled == 0 ? null : styled;
        }

        return new Change("set_hyperlink", range.ToString(),
            $"Linked {range} to {address}{(Text is null ? "" : $" showing '{Text}'")}{(removed > 0 ? " (replacing its previous link)" : "")}");
    }

    /// <summary>Why <paramref name="url"/> cannot be linked, or null.</summary>
    internal static string? UrlProblem(string url)
    {
        var text = url.Trim();
        if (text.Length == 0 || text.Length > MaxUrlLength)
        {
            return $"url must be 1 to {MaxUrlLength} characters. Given: {text.Length}.";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return $"url must be an absolute http, https or mailto address, e.g. https://example.com/report. Given: '{url}'.";
        }

        if (!Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return $"Only http, https and mailto links are allowed (a '{uri.Scheme}:' link can open files or run programs). Given: '{url}'.";
        }

        return uri.Scheme != "mailto" && string.IsNullOrEmpty(uri.Host) ? $"url must name a host, e.g. https://example.com. Given: '{url}'." : null;
    }

    /// <summary>The hyperlink location for a range, a sheet name or a defined name; null with the reason when none fits.</summary>
    private static string? Target(WorkbookSession session, string location, out string? problem)
    {
        problem = null;
        var text = location.Trim().TrimStart('#');
        var sheetOnly = text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Replace("''", "'", StringComparison.Ordinal) : text;
        if (session.Sheets.FirstOrDefault(s => string.Equals(s.Name, sheetOnly, StringComparison.OrdinalIgnoreCase)) is { } whole)
        {
            return $"{RangeAddress.QuoteSheet(whole.Name)}!A1";
        }

        if (session.Workbook.DefinedNames?.Elements<DefinedName>().FirstOrDefault(d => d.LocalSheetId is null
                && string.Equals(d.Name?.Value, text, StringComparison.OrdinalIgnoreCase)) is { Name.Value: { } name })
        {
            return name;
        }

        var errors = new List<OperationError>();
        if (RangeAddress.TryParse(text, out var parsed, out _) && parsed.Sheet is not null && session.TryResolve(text, "location", errors, out var range, out _))
        {
            return range.ToString();
        }

        problem = $"location must be a cell or range with its sheet ('Sheet 2'!A1), a sheet name, or a defined name of this workbook. Given: '{location}'."
            + (errors.Count > 0 ? " " + errors[0].Message : "");
        return null;
    }

    private static int RemoveLinks(SheetCells sheet, RangeAddress range)
    {
        if (sheet.Worksheet.GetFirstChild<Hyperlinks>() is not { } links)
        {
            return 0;
        }

        var removed = 0;
        foreach (var link in links.Elements<Hyperlink>().ToList())
        {
            if (!RangeAddress.TryParse(link.Reference?.Value, out var linked, out _) || !linked.Intersects(range with { Sheet = null }))
            {
                continue;
            }

            link.Remove();
            removed++;
            if (link.Id?.Value is { } id && !links.Elements<Hyperlink>().Any(l => l.Id?.Value == id)
                && sheet.Part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id) is { } relationship)
            {
                sheet.Part.DeleteReferenceRelationship(relationship);
            }
        }

        if (!links.HasChildren)
        {
            links.Remove();
        }

        return removed;
    }
}
