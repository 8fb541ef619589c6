using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Officina.Operations;

namespace Officina.Service.Api;

/// <summary>Problem details with a specific detail and, for plan and input errors, an <c>errors</c> array.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, IReadOnlyList<OperationError>? errors = null, string? code = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (errors is not null)
        {
            extensions["errors"] = errors.Select(e => new ProblemError(e.Path, e.Rule, e.Message)).ToList();
        }

        if (code is not null)
        {
            extensions["code"] = code;
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    public static ProblemHttpResult BadRequest(string detail, IReadOnlyList<OperationError>? errors = null, string? code = null) =>
        Of(StatusCodes.Status400BadRequest, "Invalid request", detail, errors, code);

    public static ProblemHttpResult Invalid(string path, string rule, string message) =>
        BadRequest(message, [new OperationError(path, rule, message)], rule);

    public static ProblemHttpResult NotFound(string id) =>
        Of(StatusCodes.Status404NotFound, "Not found", $"There is no job '{id}' for this API key's tenant (jobs expire after the retention time).");

    public static ProblemHttpResult Conflict(string detail) => Of(StatusCodes.Status409Conflict, "Conflict", detail);

    /// <summary>
    /// 400 for a request body that could not be read to its end: cut off before the multipart form closed, or
    /// arriving slower than Kestrel's minimum data rate. Nothing was done, and the log gets no stack trace.
    /// </summary>
    public static ProblemHttpResult UnreadableBody(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => Invalid("$", "body_too_slow",
                "The request body arrived too slowly (below the minimum data rate of 240 bytes/s after a 5 s grace period), so it was not read and nothing was done. Send the body without pauses."),
            IOException when exception.Message.Contains("Unexpected end", StringComparison.OrdinalIgnoreCase) => Invalid("$", "body_incomplete",
                "The request body ended before the multipart form did (a cut-off upload or a wrong Content-Length), so nothing was done. Send the whole body."),
            _ => Invalid("$", "body", $"The request body cannot be read: {exception.Message}"),
        };
    }

    public static ProblemHttpResult TooLarge(long limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, "Upload too large",
            $"The request is larger than the upload limit of {limit:N0} bytes ({limit / (1024.0 * 1024):0.#} MB; Officina:MaxUploadBytes).");
}

/// <summary>
/// The body of every error answer (RFC 9457 problem details, <c>application/problem+json</c>) as the
/// OpenAPI document describes it: <see cref="Problems.Of"/>, the API-key check and the rate limiter write it.
/// </summary>
public sealed record ApiProblem(
    [property: Description("A short summary, e.g. 'Invalid request'")] string Title,
    [property: Description("The HTTP status code")] int Status,
    [property: Description("What went wrong, naming the rule and the value given")] string Detail,
    [property: Description("A URI naming the kind of problem (the RFC 9110 section of the status)")] string? Type = null,
    [property: Description("A machine-readable reason, e.g. 'required', 'mode', 'invalid_plan', 'encrypted'")] string? Code = null,
    [property: Description("For plan and input errors: each error with its JSON path, rule and message")] IReadOnlyList<ProblemError>? Errors = null,
    [property: Description("The request's trace id, to find it in the logs")] string? TraceId = null);

/// <summary>One error of a problem: where (<c>$.mode</c>, <c>$.operations[2].range</c>), which rule, and the message naming the bad value.</summary>
public sealed record ProblemError(string Path, string Rule, string Message);
