using Microsoft.AspNetCore.Diagnostics;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>
/// Answers the failures that are not bugs with a problem and one log line, not a 500 and a stack trace:
/// a request body that was cut off or arrived too slowly (400), the database unreachable (503 with
/// <c>Retry-After</c>), no space left for Officina's data (507). Anything else stays a 500.
/// </summary>
public sealed class RequestFailureHandler(ILogger<RequestFailureHandler> log) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before retrying while the database is unreachable.</summary>
    public const int UnavailableRetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var problem = ProblemFor(exception);
        if (problem is null)
        {
            return false;
        }

        log.LogWarning("{Method} {Path} answered {Status}: {Message}", httpContext.Request.Method, httpContext.Request.Path, problem.StatusCode, exception.Message);
        if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = UnavailableRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await problem.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? ProblemFor(Exception exception) => exception switch
    {
        _ when StorageFaults.IsDiskFull(exception) => InsufficientStorage(),
        _ when StorageFaults.IsUnreachable(exception) => Problems.Of(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            $"The service's database cannot be reached, so nothing was done; retry in {UnavailableRetryAfterSeconds} s (GET /readyz tells when it is back).", code: "storage_unavailable"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Upload too large", bad.Message),
        BadHttpRequestException bad => Problems.UnreadableBody(bad),
        _ => null,
    };

    /// <summary>507: the disk (or the database's disk) is full; what the request wrote has been removed.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InsufficientStorage() =>
        Problems.Of(StatusCodes.Status507InsufficientStorage, "Insufficient storage",
            "The service has no space left to store this request, so nothing was kept. Try again once space is freed; the same Idempotency-Key may be reused.",
            code: StorageFaults.StorageFullCode);
}
