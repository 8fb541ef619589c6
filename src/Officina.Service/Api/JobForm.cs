using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Officina.Service.Api;

/// <summary>An uploaded file: its name (for display and downloads only, never a path) and bytes.</summary>
public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>
/// A multipart form read within the upload limit: its fields, the <c>file</c> and <c>sources</c>
/// parts, and a hash of everything (for <c>Idempotency-Key</c>).
/// </summary>
public sealed record JobForm(IFormCollection Fields, UploadedFile? File, IReadOnlyList<UploadedFile> Sources, string RequestHash)
{
    /// <summary>Every file part as read, by part name, in order (for endpoints with parts other than file and sources).</summary>
    public IReadOnlyList<KeyValuePair<string, UploadedFile>> Parts { get; init; } = [];

    public string? Field(string name) => Fields.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0] : null;

    /// <summary>Reads the form, or returns the problem (415 not multipart, 413 over the limit, 400 a file part <paramref name="declared"/> does not allow).</summary>
    public static async Task<(JobForm? Form, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, RequestForm declared, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(declared);
        var parts = declared.FileParts;
        if (!request.HasFormContentType)
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send multipart/form-data (e.g. curl -F file=@book.xlsx -F instruction=...). Given: '{request.ContentType}'."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        IFormCollection form;
        try
        {
            var limit = (int)Math.Min(int.MaxValue, maxBytes);
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes, ValueLengthLimit = limit, BufferBodyLengthLimit = maxBytes }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("value length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.TooLarge(maxBytes));
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase))
        {
            // Thousands of tiny fields are a malformed form, not a large one (the framework's limits: 1,024 fields, 16 headers per part).
            return (null, Problems.Invalid("$", "too_many_fields", $"The multipart/form-data body has more fields or part headers than a form takes: {ex.Message} Send only the form's fields."));
        }
        catch (InvalidDataException ex)
        {
            // An empty or malformed multipart body (no boundary, a bad Content-Disposition, a form with no fields at all) is malformed, not too large.
            return (null, Problems.Invalid("$", "multipart", $"The multipart/form-data body cannot be read: {ex.Message} Send at least one field or part."));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(maxBytes));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problems.UnreadableBody(ex));
        }
        catch (IOException ex) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return (null, Problems.UnreadableBody(ex));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, values) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}={values}\n"));
        }

        UploadedFile? file = null;
        var sources = new List<UploadedFile>();
        var all = new List<KeyValuePair<string, UploadedFile>>();
        foreach (var part in form.Files)
        {
            if (!parts.Contains(part.Name))
            {
                return (null, Problems.Invalid($"$.{part.Name}", "unknown_part", parts.Count == 0
                    ? $"This form takes fields only, no file parts. Given: a part named '{part.Name}'."
                    : $"The form has file parts {string.Join(", ", parts.Select(p => $"'{p}'"))}. Given: a part named '{part.Name}'."));
            }

            using var buffer = new MemoryStream();
            await part.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var uploaded = new UploadedFile(CleanName(part.FileName), buffer.ToArray());
            hash.AppendData(Encoding.UTF8.GetBytes($"{part.Name}:{uploaded.Name}:"));
            hash.AppendData(uploaded.Content);
            all.Add(KeyValuePair.Create(part.Name, uploaded));
            switch (part.Name)
            {
                case "file" when file is not null:
                    return (null, Problems.Invalid("$.file", "one_file", "Send one 'file' part; more source files go in 'sources'."));
                case "file":
                    file = uploaded;
                    break;
                case "sources":
                    sources.Add(uploaded);
                    break;
            }
        }

        return (new JobForm(form, file, sources, Convert.ToHexStringLower(hash.GetHashAndReset())) { Parts = all }, null);
    }

    /// <summary>The plan from a 'plan' field or a 'plan' file part.</summary>
    public async Task<string?> PlanTextAsync(CancellationToken cancellationToken)
    {
        if (Field("plan") is { } text)
        {
            return text;
        }

        if (Fields.Files.GetFile("plan") is { } part)
        {
            using var reader = new StreamReader(part.OpenReadStream(), Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The last path segment without control characters: a display name, never used as a path.</summary>
    private static string CleanName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var clean = new string([.. last.Where(c => !char.IsControl(c) && c != '"')]).Trim();
        return clean.Length == 0 ? "upload" : clean.Length > 200 ? clean[..200] : clean;
    }
}
