using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Excel.Cells;
using Officina.Excel.Operations;
using Officina.Operations;
using Officina.Reports.Data;
using WordReplace = Officina.Word.Operations.ReplaceText;
using SlideReplace = Officina.PowerPoint.Operations.ReplaceText;
using SetNotes = Officina.PowerPoint.Operations.SetNotes;

namespace Officina.Reports.Templates;

/// <summary>One generated operation and the placeholder(s) it fills, so an error can name them.</summary>
public sealed record FillStep(Operation Operation, string Target);

/// <summary>
/// The operations that fill one record into a template, through the hosts' own operations:
/// Word and PowerPoint get one <c>replace_text</c> per distinct placeholder (matching case;
/// across runs, keeping the formatting of the run where the placeholder starts); speaker notes
/// with placeholders get one <c>set_notes</c> with their filled text. Excel gets one
/// <c>set_values</c> per cell: a cell holding only <c>{{field}}</c> takes the typed value (a
/// number stays a number, a boolean a boolean, an ISO date a date serial, shown as
/// yyyy-mm-dd unless the cell already has a number format; a list fills the cells below, a
/// list of lists a block from that cell); placeholders inside longer text are substituted as text.
/// </summary>
public static class TemplateFill
{
    public static IReadOnlyList<FillStep> Steps(ReportTemplate template, ReportRecord record, MissingFieldPolicy missing)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(record);
        var steps = new List<FillStep>();
        if (template.Host == DocumentHost.Excel)
        {
            foreach (var cell in template.Cells)
            {
                var target = $"{cell.Address} {cell.Text}";
                if (cell.Whole is { } whole)
                {
                    if (Lookup(record, whole, missing, out var value))
                    {
                        steps.Add(new(new SetValues(cell.Address, Grid(whole, value, cell.HasNumberFormat)), target));
                    }
                    else if (missing == MissingFieldPolicy.Empty)
                    {
                        steps.Add(new(new SetValues(cell.Address, [[CellValue.Empty]]), target));
                    }

                    continue;
                }

                var text = Text(record, cell.Text, missing);
                if (text != cell.Text)
                {
                    steps.Add(new(new SetValues(cell.Address, [[CellValue.FromText(text)]]), target));
                }
            }

            return steps;
        }

        foreach (var placeholder in template.Placeholders)
        {
            var replacement = Text(record, placeholder.Raw, missing);
            if (replacement == placeholder.Raw)
            {
                continue;
            }

            Operation operation = template.Host == DocumentHost.Word
                ? new WordReplace(placeholder.Raw, replacement, MatchCase: true)
                : new SlideReplace(placeholder.Raw, replacement, MatchCase: true);
            steps.Add(new(operation, placeholder.Raw));
        }

        // Speaker notes are plain text: each one holding placeholders is rewritten whole.
        foreach (var notes in template.Notes)
        {
            var text = Text(record, notes.Text, missing);
            if (text != notes.Text)
            {
                steps.Add(new(new SetNotes(notes.Slide, text), $"notes of slide {notes.Slide}"));
            }
        }

        return steps;
    }

    /// <summary><paramref name="text"/> with every placeholder replaced by its field's text (or as <paramref name="missing"/> says).</summary>
    public static string Text(ReportRecord record, string text, MissingFieldPolicy missing)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Placeholder.Substitute(text, p => Lookup(record, p, missing, out var value) ? FieldText.Format(p, value)
            : missing == MissingFieldPolicy.Keep ? p.Raw : "");
    }

    /// <summary>True with the value when the record has the field; false when it lacks it and the policy tolerates that; throws otherwise.</summary>
    public static bool Lookup(ReportRecord record, Placeholder placeholder, MissingFieldPolicy missing, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(placeholder);
        if (record.TryGet(placeholder.Field, out value))
        {
            return true;
        }

        return missing != MissingFieldPolicy.Fail ? false : throw record.Missing(placeholder);
    }

    private static CellValue[][] Grid(Placeholder placeholder, JsonNode? value, bool hasNumberFormat) => value switch
    {
        JsonArray { Count: 0 } => [[CellValue.Empty]],
        JsonArray rows when rows.All(r => r is JsonArray) => [.. rows.Select(r => ((JsonArray)r!).Select(c => Cell(placeholder, c, hasNumberFormat)).ToArray())],
        JsonArray column => [.. column.Select(c => new[] { Cell(placeholder, c, hasNumberFormat) })],
        _ => [[Cell(placeholder, value, hasNumberFormat)]],
    };

    private static CellValue Cell(Placeholder placeholder, JsonNode? value, bool hasNumberFormat)
    {
        switch (value?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return CellValue.Empty;
            case JsonValueKind.Number:
                return CellValue.FromNumber(FieldText.Number(value!));
            case JsonValueKind.True or JsonValueKind.False:
                return CellValue.FromBoolean(value!.GetValueKind() == JsonValueKind.True);
            case JsonValueKind.String:
                var text = value!.GetValue<string>();
                if (placeholder.Format is { Length: > 0 })
                {
                    return CellValue.FromText(FieldText.Format(placeholder, value));
                }

                // A cell with its own number format keeps it: write the serial, not the ISO text that set_values would show as yyyy-mm-dd.
                return hasNumberFormat && IsoDates.TryParse(text, out var serial) ? CellValue.FromNumber(serial) : CellValue.FromText(text);
            default:
                throw new ReportFieldException(placeholder.Raw, $"The field '{placeholder.Field}' holds {(value is JsonArray ? "lists nested too deeply" : "an object")} for the cell at {placeholder.Raw}; a cell takes a number, text, a boolean or a date, a list fills a column, a list of lists a block.");
        }
    }
}
