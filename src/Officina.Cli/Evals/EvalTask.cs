using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Officina.Operations;

namespace Officina.Cli.Evals;

/// <summary>
/// One eval task, read from a JSON file of a suite: the document to start from (an
/// <c>input</c> file, a workbook built by <c>setup</c> operations, or a <c>new</c> document
/// named by its extension), the instruction, optional sources and effort, and the checks the
/// output must pass. Paths are relative to the task file.
/// </summary>
public sealed record EvalTask
{
    public required string Id { get; init; }

    /// <summary><c>excel</c>, <c>word</c> or <c>powerpoint</c>.</summary>
    public required string Host { get; init; }

    public required string Instruction { get; init; }

    /// <summary>An existing document, relative to the task file.</summary>
    public string? Input { get; init; }

    /// <summary>Operations applied to a new workbook to make the input (Excel only), instead of a committed file.</summary>
    public JsonArray? Setup { get; init; }

    /// <summary>A file name for a document made from nothing (<c>report.xlsx</c>, <c>memo.docx</c>).</summary>
    public string? New { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    public string? Effort { get; init; }

    public IReadOnlyList<EvalCheck> Checks { get; init; } = [];

    /// <summary>The folder of the task file, for relative paths (not in the JSON).</summary>
    [JsonIgnore]
    public string Folder { get; init; } = "";

    public DocumentHost HostKind => DocumentHosts.TryParse(Host, out var host)
        ? host
        : throw new InvalidDataException($"Task '{Id}': host must be excel, word or powerpoint. Given: '{Host}'.");

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Every <c>*.json</c> task file directly in <paramref name="suite"/> (a folder) or the one file given, ordered by id.</summary>
    public static IReadOnlyList<EvalTask> LoadSuite(string suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var files = Directory.Exists(suite)
            ? Directory.GetFiles(suite, "*.json", SearchOption.TopDirectoryOnly)
            : File.Exists(suite) ? [suite] : throw new FileNotFoundException($"There is no eval suite (a folder of task JSON files) at '{suite}'.");
        var tasks = new List<EvalTask>();
        foreach (var file in files)
        {
            EvalTask? task;
            try
            {
                task = JsonSerializer.Deserialize<EvalTask>(File.ReadAllText(file), Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"The eval task '{file}' is not valid: {ex.Message}", ex);
            }

            if (task is null || (task.Input is null && task.Setup is null && task.New is null))
            {
                throw new InvalidDataException($"The eval task '{file}' needs one of input, setup or new.");
            }

            _ = task.HostKind;
            tasks.Add(task with { Folder = Path.GetDirectoryName(Path.GetFullPath(file))! });
        }

        return [.. tasks.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }
}

/// <summary>
/// One check on a task's output. <c>check</c> is one of <c>cell_value</c> (cell, equals,
/// tolerance), <c>formula_present</c> (cell, optional contains), <c>sheet_exists</c> (sheet),
/// <c>chart_exists</c> (optional sheet), <c>no_verification_errors</c>, <c>slide_count</c>
/// (count), <c>text_present</c> (text).
/// </summary>
public sealed record EvalCheck
{
    public required string Check { get; init; }

    public string? Cell { get; init; }

    public string? Sheet { get; init; }

    [JsonPropertyName("equals")]
    public JsonElement? Expected { get; init; }

    public double? Tolerance { get; init; }

    public string? Contains { get; init; }

    public string? Text { get; init; }

    public int? Count { get; init; }

    public override string ToString() => (Cell ?? Sheet ?? Text) is { } argument ? $"{Check} {argument}" : Check;
}
