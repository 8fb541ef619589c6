using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Excel.Cells;
using Officina.Reports.Templates;

namespace Officina.Reports.Data;

/// <summary>
/// One record of report data: its 1-based number and its fields as typed JSON (numbers,
/// booleans, strings, ISO date strings, arrays, nested objects; null for an empty CSV field).
/// </summary>
public sealed class ReportRecord(int number, JsonObject fields)
{
    public int Number { get; } = number;

    public JsonObject Fields { get; } = fields ?? throw new ArgumentNullException(nameof(fields));

    /// <summary>The top-level field names, for error messages.</summary>
    public IReadOnlyList<string> FieldNames => [.. Fields.Select(f => f.Key)];

    /// <summary>
    /// Looks up <paramref name="field"/>: the built-in <c>#</c> (the record number), a top-level
    /// name as written (CSV headers may contain dots), else a dotted path through objects and
    /// array indexes. Names match exactly, or case-insensitively when that is unambiguous.
    /// </summary>
    public bool TryGet(string field, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field == Placeholder.RecordNumberField)
        {
            value = JsonValue.Create((double)Number);
            return true;
        }

        if (TryChild(Fields, field, out value))
        {
            return true;
        }

        JsonNode? node = Fields;
        foreach (var segment in field.Split('.'))
        {
            if (node is JsonObject obj && TryChild(obj, segment, out var child))
            {
                node = child;
            }
            else if (node is JsonArray array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count)
            {
                node = array[index];
            }
            else
            {
                value = null;
                return false;
            }
        }

        value = node;
        return true;
    }

    /// <summary>The field's value as text (see <see cref="FieldText"/>); throws <see cref="ReportFieldException"/> when it is missing or not text-like.</summary>
    public string Text(Placeholder placeholder)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        return TryGet(placeholder.Field, out var value) ? FieldText.Format(placeholder, value) : throw Missing(placeholder);
    }

    public ReportFieldException Missing(Placeholder placeholder)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        var names = FieldNames;
        var shown = string.Join(", ", names.Take(30)) + (names.Count > 30 ? $", … ({names.Count} in all)" : "");
        return new ReportFieldException(placeholder.Raw, $"The placeholder {placeholder.Raw} names the field '{placeholder.Field}', which record {Number} does not have. Its fields: {(names.Count == 0 ? "(none)" : shown)}.");
    }

    private static bool TryChild(JsonObject obj, string name, out JsonNode? value)
    {
        if (obj.TryGetPropertyValue(name, out value))
        {
            return true;
        }

        var matches = obj.Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        value = matches.Count == 1 ? matches[0].Value : null;
        return matches.Count == 1;
    }
}

/// <summary>A placeholder could not be filled from a record: the field is missing or its value does not fit where it stands.</summary>
public sealed class ReportFieldException(string placeholder, string message) : Exception(message)
{
    /// <summary>The placeholder as written, e.g. <c>{{customer.name}}</c>.</summary>
    public string Placeholder { get; } = placeholder;
}

/// <summary>How a field's value reads as text in a document, a cell's text or an output name.</summary>
public static class FieldText
{
    /// <summary>
    /// Strings as they are; numbers in the shortest round-trip form (<c>1200</c>, <c>9.5</c>);
    /// booleans <c>true</c>/<c>false</c>; null as nothing. With a format, numbers and ISO dates
    /// (<c>2026-01-31</c>) are formatted with it (invariant culture). Arrays and objects have no
    /// text: they belong in a plan template (a table's rows) or under a dotted name.
    /// </summary>
    public static string Format(Placeholder placeholder, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        switch (value?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return "";
            case JsonValueKind.String:
                var text = value!.GetValue<string>();
                return placeholder.Format is { Length: > 0 } dateFormat && IsoDates.TryParse(text, out var serial)
                    ? Guard(placeholder, () => IsoDates.FromSerial(serial).ToString(dateFormat, CultureInfo.InvariantCulture))
                    : text;
            case JsonValueKind.True or JsonValueKind.False:
                return value!.GetValueKind() == JsonValueKind.True ? "true" : "false";
            case JsonValueKind.Number:
                var number = Number(value!);
                return placeholder.Format is { Length: > 0 } numberFormat
                    ? Guard(placeholder, () => number.ToString(numberFormat, CultureInfo.InvariantCulture))
                    : number.ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.Array:
                throw new ReportFieldException(placeholder.Raw, $"The field '{placeholder.Field}' is a list and cannot stand as text at {placeholder.Raw}; use it in the plan template (e.g. as a table's rows) or name one item, e.g. {{{{{placeholder.Field}.0}}}}.");
            default:
                throw new ReportFieldException(placeholder.Raw, $"The field '{placeholder.Field}' is an object and cannot stand as text at {placeholder.Raw}; name one of its fields, e.g. {{{{{placeholder.Field}.{FirstKey(value!)}}}}}.");
        }
    }

    /// <summary>A JSON number node as a double, whatever CLR type backs it.</summary>
    public static double Number(JsonNode value) => double.Parse(value?.ToJsonString() ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string FirstKey(JsonNode value) => value is JsonObject { Count: > 0 } obj ? obj.First().Key : "name";

    private static string Guard(Placeholder placeholder, Func<string> format)
    {
        try
        {
            return format();
        }
        catch (FormatException)
        {
            throw new ReportFieldException(placeholder.Raw, $"The format '{placeholder.Format}' in {placeholder.Raw} is not a valid .NET number or date format.");
        }
    }
}
