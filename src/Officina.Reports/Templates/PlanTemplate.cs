using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Operations;
using Officina.Reports.Data;

namespace Officina.Reports.Templates;

/// <summary>
/// A plan (the format of <c>officina apply</c>) whose strings may hold placeholders, rendered
/// once per record: a JSON string that is exactly <c>"{{field}}"</c> becomes the field's typed
/// JSON value (a number, a boolean, a whole array such as the rows of a table or a 2-D block
/// for <c>set_values</c>); inside an array, <c>"{{...field}}"</c> splices the items of a list
/// field in its place (fixed header rows followed by the record's rows); any other string has its
/// placeholders substituted as text. Formula text is the exception (see <see cref="FormulaFill"/>):
/// in <c>set_formulas</c>'s <c>formula</c>/<c>formulas</c> and a <c>define_name</c> <c>refers_to</c>
/// starting with <c>=</c>, fields become literals (text quoted, <c>"-2+3"</c>), and only a
/// placeholder marked <c>{{=field}}</c> inserts formula text; a <c>refers_to</c> range whose
/// filled text would start with <c>=</c> is refused. The rendered plan is then read and
/// validated like any other plan.
/// </summary>
public sealed class PlanTemplate
{
    private readonly JsonObject _root;

    private PlanTemplate(JsonObject root, DocumentHost host)
    {
        _root = root;
        Host = host;
    }

    public DocumentHost Host { get; }

    /// <summary>Parses a plan template; throws <see cref="ReportInputException"/> when it is not a JSON object naming a known host.</summary>
    public static PlanTemplate Parse(string json, string name = "plan template")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new ReportInputException("plan_json", $"The {name} is not valid JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject obj || obj["operations"] is not JsonArray)
        {
            throw new ReportInputException("plan_object", $"The {name} must be a plan: a JSON object with 'host' and 'operations'.");
        }

        var hostName = obj["host"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (!DocumentHosts.TryParse(hostName, out var host))
        {
            throw new ReportInputException("plan_host", $"The {name}'s host must be one of excel, word, powerpoint. Given: {obj["host"]?.ToJsonString() ?? "nothing"}.");
        }

        return new PlanTemplate(obj, host);
    }

    public static PlanTemplate Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), $"plan template '{Path.GetFileName(path)}'")
            : throw new ReportInputException("plan_not_found", $"There is no plan template at '{path}'.");
    }

    /// <summary>The plan for <paramref name="record"/>: rendered, then read and validated by <paramref name="serializer"/>.</summary>
    public PlanReadResult Render(ReportRecord record, MissingFieldPolicy missing, PlanSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(serializer);
        var rendered = Render(_root, record, missing);
        return serializer.Read(rendered!.ToJsonString());
    }

    /// <summary>Where in an operation a string is filled: as plain text, as formula text, or as a range that must not become a formula.</summary>
    private enum Context
    {
        Text,
        Formula,
        Range,
    }

    private static JsonNode? Render(JsonNode? node, ReportRecord record, MissingFieldPolicy missing, Context context = Context.Text) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Render(p.Value, record, missing, ContextOf(obj, p.Key, p.Value))))),
        JsonArray array => new JsonArray([.. array.SelectMany(item => Spread(item, record, missing, context) ?? [Render(item, record, missing, context)])]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => context switch
        {
            Context.Formula => RenderFormula(value.GetValue<string>(), record, missing),
            Context.Range => RenderRange(value.GetValue<string>(), record, missing),
            _ => RenderString(value.GetValue<string>(), record, missing),
        },
        _ => node?.DeepClone(),
    };

    private static Context ContextOf(JsonObject operation, string property, JsonNode? value)
    {
        var op = operation["op"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return (op, property) switch
        {
            ("set_formulas", "formula" or "formulas") => Context.Formula,
            ("define_name", "refers_to") => value is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().TrimStart().StartsWith('=')
                ? Context.Formula
                : Context.Range,
            _ => Context.Text,
        };
    }

    private static JsonNode? RenderFormula(string text, ReportRecord record, MissingFieldPolicy missing)
    {
        // A whole list (a grid of formulas) becomes formulas returning its values.
        if (Placeholder.Whole(text) is { } whole && FormulaFill.FormulaField(whole) is null
            && TemplateFill.Lookup(record, whole, missing, out var value) && value is JsonArray)
        {
            return FormulaFill.Item(value, whole);
        }

        return JsonValue.Create(FormulaFill.Text(record, text, missing));
    }

    private static JsonNode? RenderRange(string text, ReportRecord record, MissingFieldPolicy missing)
    {
        var filled = RenderString(text, record, missing);
        if (filled is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().TrimStart().StartsWith('='))
        {
            var placeholder = Placeholder.In(text).First();
            throw new ReportFieldException(placeholder.Raw,
                $"Filling '{text}' gives '{value.GetValue<string>()}', which would turn a range into a formula. Start the template's refers_to with '=' and mark formula fields as {{{{=field}}}}.");
        }

        return filled;
    }

    /// <summary>The items of the list an array element <c>"{{...field}}"</c> names, or null when the element is something else.</summary>
    private static IEnumerable<JsonNode?>? Spread(JsonNode? item, ReportRecord record, MissingFieldPolicy missing, Context context)
    {
        if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String
            || Placeholder.Whole(value.GetValue<string>()) is not { Format: null } whole || !whole.Field.StartsWith("...", StringComparison.Ordinal))
        {
            return null;
        }

        var field = whole with { Field = whole.Field[3..].Trim() };
        if (!TemplateFill.Lookup(record, field, missing, out var list))
        {
            return [];
        }

        return list is JsonArray items
            ? [.. items.Select(i => context == Context.Formula ? FormulaFill.Item(i, whole) : i?.DeepClone())]
            : throw new ReportFieldException(whole.Raw, $"{whole.Raw} splices a list, but the field '{field.Field}' of record {record.Number} is {(list is null ? "null" : "not a list")}.");
    }

    private static JsonNode? RenderString(string text, ReportRecord record, MissingFieldPolicy missing)
    {
        FormulaFill.RefuseOutsideFormula(text);
        if (Placeholder.Whole(text) is { Format: null } whole && text.Trim() == text)
        {
            if (TemplateFill.Lookup(record, whole, missing, out var value))
            {
                return value?.DeepClone();
            }

            return missing == MissingFieldPolicy.Keep ? JsonValue.Create(text) : JsonValue.Create("");
        }

        return JsonValue.Create(TemplateFill.Text(record, text, missing));
    }
}
