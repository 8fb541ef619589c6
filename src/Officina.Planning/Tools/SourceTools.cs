using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Operations;
using Officina.Planning.Model;
using Officina.Sources;

namespace Officina.Planning.Tools;

/// <summary>A value the model took from a source: the cells it wrote, the source file, and where in it (<c>p.2</c>, <c>row 14</c>, <c>$.revenue[0]</c>).</summary>
public sealed record SourceCitation(string Cells, string Source, string Location, string? Note);

/// <summary>
/// The two tools a run with sources adds, always callable (never deferred): <c>read_source</c>
/// returns pages, rows, slides or paths beyond what the first message showed, and
/// <c>cite_source</c> records where the values in some cells came from. Citations are written
/// into the document by <see cref="CitationSheet"/> when the model stops.
/// </summary>
public sealed class SourceTools(IReadOnlyList<SourceDocument> sources, IDocumentSession session, int readTokens)
{
    public const string ReadSource = "read_source";
    public const string CiteSource = "cite_source";

    private readonly List<SourceCitation> _citations = [];

    public IReadOnlyList<SourceDocument> Sources { get; } = sources;

    public IReadOnlyList<SourceCitation> Citations => _citations;

    public static bool Handles(string name) => name is ReadSource or CiteSource;

    public IEnumerable<JsonObject> Definitions(ApiStyle style)
    {
        var names = new JsonArray([.. Sources.Select(s => (JsonNode)s.Name)]);
        yield return Function(style, ReadSource, "Read pages, rows, slides or paths of a source beyond what the first message showed (numbers as anchored, inclusive).", new JsonObject
        {
            ["source"] = new JsonObject { ["type"] = "string", ["enum"] = names.DeepClone(), ["description"] = "The source's name" },
            ["from"] = new JsonObject { ["type"] = "integer", ["description"] = "First page/row/slide/path number" },
            ["to"] = new JsonObject { ["type"] = "integer", ["description"] = "Last page/row/slide/path number" },
        });
        yield return Function(style, CiteSource, "Record that the values in some cells came from a source; call it after writing them. Citations are listed on a 'Sources' sheet.", new JsonObject
        {
            ["cells"] = new JsonObject { ["type"] = "string", ["description"] = "The cells written from the source, e.g. 'Model'!B2:C2" },
            ["source"] = new JsonObject { ["type"] = "string", ["enum"] = names.DeepClone(), ["description"] = "The source's name" },
            ["location"] = new JsonObject { ["type"] = "string", ["description"] = "Where in the source, as anchored: 'p.2', 'p.2 table 1 r2c3', 'row 14', '$.revenue[0].amount', 'slide 3'" },
            ["note"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "What was taken, e.g. 'North revenue 2024'; null for none" },
        });
    }

    public ToolCallResult Handle(string name, string arguments)
    {
        JsonObject? args;
        try
        {
            args = JsonNode.Parse(arguments.Length == 0 ? "{}" : arguments) as JsonObject;
        }
        catch (JsonException ex)
        {
            return Fail($"The arguments of '{name}' are not valid JSON ({ex.Message.Split(" Path:")[0]}).");
        }

        if (args is null)
        {
            return Fail($"The arguments of '{name}' must be a JSON object.");
        }

        var sourceName = Text(args, "source");
        var source = Sources.FirstOrDefault(s => string.Equals(s.Name, sourceName, StringComparison.OrdinalIgnoreCase));
        if (source is null)
        {
            return Fail($"source: There is no source named '{sourceName}'. The sources are: {string.Join(", ", Sources.Select(s => $"'{s.Name}'"))}.");
        }

        return name == ReadSource ? Read(source, args) : Cite(source, args);
    }

    private ToolCallResult Read(SourceDocument source, JsonObject args)
    {
        if (Number(args, "from") is not { } from || Number(args, "to") is not { } to || from > to)
        {
            return Fail($"read_source needs integers 'from' <= 'to' ({source.UnitName} numbers). Given: {args.ToJsonString()}.");
        }

        var text = source.Read(from, to, readTokens);
        return new ToolCallResult(text, !text.StartsWith("ERROR", StringComparison.Ordinal));
    }

    private ToolCallResult Cite(SourceDocument source, JsonObject args)
    {
        var cells = Text(args, "cells");
        var location = Text(args, "location");
        if (string.IsNullOrWhiteSpace(cells) || string.IsNullOrWhiteSpace(location))
        {
            return Fail($"cite_source needs 'cells' (e.g. 'Model'!B2) and 'location' (e.g. 'p.2'). Given: {args.ToJsonString()}.");
        }

        if (session is Officina.Excel.WorkbookSession book)
        {
            var errors = new List<OperationError>();
            if (!book.TryResolve(cells, "cells", errors, out _, out _))
            {
                return Fail(string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")));
            }
        }

        var note = Text(args, "note");
        _citations.Add(new SourceCitation(cells!, source.Name, location!, string.IsNullOrWhiteSpace(note) ? null : note));
        return new ToolCallResult($"OK: cited {source.Name} {location} for {cells}.", true);
    }

    private static string? Text(JsonObject args, string name) =>
        args[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Number(JsonObject args, string name) =>
        args[name] is JsonValue value && value.TryGetValue<double>(out var number) && number == Math.Floor(number) && Math.Abs(number) < int.MaxValue ? (int)number : null;

    private static ToolCallResult Fail(string message) => new("ERROR: " + message, false);

    private static JsonObject Function(ApiStyle style, string name, string description, JsonObject properties)
    {
        var parameters = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Key)]),
            ["additionalProperties"] = false,
        };
        return style == ApiStyle.Chat
            ? new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["description"] = description, ["parameters"] = parameters, ["strict"] = true } }
            : new JsonObject { ["type"] = "function", ["name"] = name, ["description"] = description, ["parameters"] = parameters, ["strict"] = true };
    }
}
