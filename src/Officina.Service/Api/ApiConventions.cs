using Microsoft.AspNetCore.Http.Metadata;

namespace Officina.Service.Api;

/// <summary>
/// What an endpoint declares about its request and its error answers, once, where it is mapped; the
/// OpenAPI document (<see cref="OpenApiOperations"/>) is made from these declarations.
/// </summary>
public static class ApiConventions
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>
    /// Takes <paramref name="form"/> as <c>multipart/form-data</c>, read by <see cref="JobForm.ReadAsync"/>:
    /// 400 for a field or part it refuses or a body it cannot read, 413 over the upload limit, 415 when the body is not multipart,
    /// 507 when there is no space left to store the upload.
    /// </summary>
    public static RouteHandlerBuilder AcceptsForm(this RouteHandlerBuilder builder, RequestForm form)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(form).DisableAntiforgery()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status507InsufficientStorage);
    }

    /// <summary>
    /// Honours <c>Idempotency-Key</c> (<see cref="JobSubmitter.ClaimKeyAsync"/>): 400 for a key too long, 409 while the
    /// first request with the key is still being processed, 422 when the key was used for another request.
    /// </summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(IdempotencyKeyHeader.Instance)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Answers these statuses with problem details (<see cref="ApiProblem"/>); a status declared twice is listed once.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statusCodes);
        builder.Add(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            foreach (var status in statusCodes.Where(declared.Add))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ProblemContentType]));
            }
        });
        return builder;
    }
}

/// <summary>Marks an endpoint that honours the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 200;

    public static readonly IdempotencyKeyHeader Instance = new();

    private IdempotencyKeyHeader()
    {
    }
}
