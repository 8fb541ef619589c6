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
            extensions["errors"] = errors.Select(e => new { path = e.Path, rule = e.Rule, message = e.Message }).ToList();
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

    public static ProblemHttpResult TooLarge(long limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, "Upload too large",
            $"The request is larger than the upload limit of {limit:N0} bytes ({limit / (1024.0 * 1024):0.#} MB; Officina:MaxUploadBytes).");
}
