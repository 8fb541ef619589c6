using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Reports.Data;

namespace Officina.Reports.Templates;

/// <summary>
/// Fills placeholders inside formula text of a plan template (<c>set_formulas</c>'s
/// <c>formula</c> and <c>formulas</c>, a <c>define_name</c> <c>refers_to</c> starting with
/// <c>=</c>) so that data stays data: a field becomes a literal of the formula — a number
/// (negative ones in parentheses), <c>TRUE</c>/<c>FALSE</c>, or text as a quoted string
/// (<c>"-2+3"</c>, <c>"=1+1"</c>) — never formula code. A template that means a field to be
/// formula text says so with <c>{{=field}}</c>: its text is inserted as written (and still
/// checked like any formula, external references included).
/// </summary>
internal static class FormulaFill
{
    /// <summary>The field name of a <c>{{=field}}</c> placeholder, or null when <paramref name="placeholder"/> is a plain one.</summary>
    public static string? FormulaField(Placeholder placeholder) =>
        placeholder.Field.StartsWith('=') ? placeholder.Field[1..].Trim() : null;

    /// <summary>
    /// The formula <paramref name="text"/> with its placeholders filled; a text that is exactly one
    /// value placeholder gives a formula returning that value (<c>="Acme"</c>, <c>=42</c>).
    /// </summary>
    public static string Text(ReportRecord record, string text, MissingFieldPolicy missing)
    {
        if (Placeholder.Whole(text) is { } whole && FormulaField(whole) is null)
        {
            return "=" + Literal(record, whole, missing);
        }

        return Placeholder.Substitute(text, p => FormulaField(p) is { } field ? Raw(record, p with { Field = field }, missing) : Literal(record, p, missing));
    }

    /// <summary>A value spliced or placed whole into a grid of formulas: each item becomes a formula returning its value.</summary>
    public static JsonNode? Item(JsonNode? value, Placeholder placeholder) => value switch
    {
        JsonArray items => new JsonArray([.. items.Select(i => Item(i, placeholder))]),
        _ => JsonValue.Create("=" + LiteralOf(placeholder, value)),
    };

    /// <summary>A placeholder outside formula text that marks a formula field is a template mistake.</summary>
    public static void RefuseOutsideFormula(string text)
    {
        if (Placeholder.In(text).FirstOrDefault(p => FormulaField(p) is not null) is { } marked)
        {
            throw new ReportFieldException(marked.Raw,
                $"{marked.Raw} marks formula text, which only set_formulas formula/formulas and a define_name refers_to starting with '=' take. Given in: '{text}'.");
        }
    }

    private static string Literal(ReportRecord record, Placeholder placeholder, MissingFieldPolicy missing)
    {
        if (TemplateFill.Lookup(record, placeholder, missing, out var value))
        {
            return LiteralOf(placeholder, value);
        }

        return missing == MissingFieldPolicy.Keep ? Quote(placeholder.Raw) : "\"\"";
    }

    private static string LiteralOf(Placeholder placeholder, JsonNode? value)
    {
        switch (value?.GetValueKind())
        {
            case JsonValueKind.Number when placeholder.Format is null:
                var number = FieldText.Number(value!);
                var text = number.ToString("R", CultureInfo.InvariantCulture);
                return number < 0 ? $"({text})" : text;
            case JsonValueKind.True or JsonValueKind.False when placeholder.Format is null:
                return value!.GetValueKind() == JsonValueKind.True ? "TRUE" : "FALSE";
            default:
                return Quote(FieldText.Format(placeholder, value));
        }
    }

    private static string Raw(ReportRecord record, Placeholder placeholder, MissingFieldPolicy missing)
    {
        if (!TemplateFill.Lookup(record, placeholder, missing, out var value))
        {
            return missing == MissingFieldPolicy.Keep ? $"{{{{={placeholder.Field}}}}}" : "";
        }

        return value?.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? FieldText.Format(placeholder, value).TrimStart('=')
            : throw new ReportFieldException(placeholder.Raw, $"{{{{={placeholder.Field}}}}} inserts formula text, so the field '{placeholder.Field}' must be text or a number. Given: {value?.ToJsonString() ?? "null"}.");
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
