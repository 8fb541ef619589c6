using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Excel.Import;

namespace Officina.Reports.Data;

/// <summary>The report data was refused: malformed, empty, too large, or shaped unlike records.</summary>
public sealed class ReportInputException(string rule, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A short code for what was wrong, e.g. <c>data_json</c>, <c>data_limit</c>.</summary>
    public string Rule { get; } = rule;
}

/// <summary>
/// Reads report data into records. CSV: a header row names the fields; every further row is a
/// record whose fields are typed as <c>import_csv</c> types them (<see cref="CsvFields"/>: invariant
/// numbers, TRUE/FALSE, ISO dates kept as ISO text so that Excel cells become dates; codes with a
/// leading zero stay text; an empty field is null). JSON: an array of objects, or an object with
/// exactly one array property holding them. The format is chosen by content: a first
/// non-blank character <c>[</c> or <c>{</c> means JSON.
/// </summary>
public static class ReportData
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="maxRecords"/> and <paramref name="maxBytes"/> bound what is read.</summary>
    public static IReadOnlyList<ReportRecord> Read(string path, int maxRecords = ReportOptions.DefaultMaxRecords, long maxBytes = ReportOptions.DefaultMaxDataBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ReportInputException("data_not_found", $"There is no data file at '{path}'.");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path), maxRecords, maxBytes);
    }

    public static IReadOnlyList<ReportRecord> Read(Stream stream, string name, int maxRecords = ReportOptions.DefaultMaxRecords, long maxBytes = ReportOptions.DefaultMaxDataBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new ReportInputException("data_limit", $"The data file '{name}' is larger than the limit of {maxBytes:N0} bytes.");
            }
        }

        var bytes = buffer.ToArray();
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var first = text.TrimStart();
        var records = first.StartsWith('[') || first.StartsWith('{') ? ReadJson(text, name, maxRecords) : ReadCsv(bytes, name, maxRecords);
        return records.Count > 0 ? records : throw new ReportInputException("data_empty", $"The data file '{name}' holds no records.");
    }

    private static List<ReportRecord> ReadJson(string text, string name, int maxRecords)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new ReportInputException("data_json", $"The data file '{name}' is not valid JSON: {ex.Message}", ex);
        }

        var array = root switch
        {
            JsonArray a => a,
            JsonObject o when o.Count(p => p.Value is JsonArray) == 1 => (JsonArray)o.First(p => p.Value is JsonArray).Value!,
            _ => throw new ReportInputException("data_shape", $"The JSON data in '{name}' must be an array of objects, or an object with one array property holding them."),
        };
        if (array.Count > maxRecords)
        {
            throw TooMany(name, array.Count, maxRecords);
        }

        var records = new List<ReportRecord>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject record)
            {
                throw new ReportInputException("data_shape", $"Record {i + 1} of '{name}' is {Kind(array[i])}, not an object of fields.");
            }

            records.Add(new ReportRecord(i + 1, (JsonObject)record.DeepClone()));
        }

        return records;
    }

    private static List<ReportRecord> ReadCsv(byte[] bytes, string name, int maxRecords)
    {
        var firstLine = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadLine() ?? "";
        using var reader = new CsvReader(new MemoryStream(bytes), CsvReader.DetectDelimiter(firstLine));
        var fields = new List<string>();
        try
        {
            if (!reader.ReadRecord(fields))
            {
                return [];
            }

            var header = fields.Select(f => f.Trim()).ToList();
            var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (header.Any(h => h.Length == 0) || duplicate is not null)
            {
                throw new ReportInputException("data_header", duplicate is not null
                    ? $"The CSV header of '{name}' names the field '{duplicate.Key}' twice; every column needs its own name."
                    : $"The CSV header of '{name}' has an empty column name (column {header.FindIndex(h => h.Length == 0) + 1}); every column needs a name.");
            }

            var records = new List<ReportRecord>();
            while (reader.ReadRecord(fields))
            {
                if (fields.Count == 1 && fields[0].Length == 0)
                {
                    continue;
                }

                if (fields.Count > header.Count)
                {
                    throw new ReportInputException("data_csv", $"Line {reader.RecordLine} of '{name}' has {fields.Count} fields but the header names {header.Count}.");
                }

                if (records.Count == maxRecords)
                {
                    throw TooMany(name, maxRecords + 1, maxRecords);
                }

                var record = new JsonObject();
                for (var c = 0; c < header.Count; c++)
                {
                    record[header[c]] = Typed(c < fields.Count ? fields[c] : "");
                }

                records.Add(new ReportRecord(records.Count + 1, record));
            }

            return records;
        }
        catch (CsvFormatException ex)
        {
            throw new ReportInputException("data_csv", $"The CSV data in '{name}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>A CSV field as the typed value <c>import_csv</c> would write.</summary>
    public static JsonNode? Typed(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return CsvFields.Classify(field, out var number) switch
        {
            CsvFieldKind.Empty => null,
            CsvFieldKind.Number => JsonValue.Create(number),
            CsvFieldKind.Boolean => JsonValue.Create(number != 0),
            _ => JsonValue.Create(field),
        };
    }

    private static ReportInputException TooMany(string name, int count, int max) =>
        new("data_limit", $"The data file '{name}' holds {(count > max ? "more than " : "")}{max:N0} records; at most {max:N0} are allowed in one batch (split the data, or raise the limit: --max-records for officina report, Officina:MaxReportRecords for the service).");

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => $"a {node.GetValueKind().ToString().ToLowerInvariant()}",
    };
}
