using Microsoft.AspNetCore.Http.HttpResults;
using Officina.Operations;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>The operation catalog (as <c>officina catalog --json</c>) and the health checks.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/catalog", Catalog).ProducesProblems(StatusCodes.Status400BadRequest).WithTags("Catalog").WithSummary("Operations a plan can use, with their strict JSON schemas");
        return api;
    }

    public static Results<Ok<IReadOnlyList<CatalogEntry>>, ProblemHttpResult> Catalog(string? host = null)
    {
        DocumentHost? filter = null;
        if (host is not null)
        {
            if (!DocumentHosts.TryParse(host, out var parsed))
            {
                return Problems.Invalid("$.host", "host", $"host must be excel, word or powerpoint. Given: '{host}'.");
            }

            filter = parsed;
        }

        return TypedResults.Ok<IReadOnlyList<CatalogEntry>>([.. JobDocuments.Catalog.Operations
            .Where(d => filter is null || d.Host == filter)
            .Select(d => new CatalogEntry(d.Name, d.Host.ToName(), d.Summary, d.Kind, d.Schema))]);
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").AllowAnonymous();
        app.MapGet("/readyz", ReadyAsync).WithTags("Health").AllowAnonymous();
        return app;
    }

    public static async Task<IResult> ReadyAsync(IJobStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.PingAsync(timeout.Token).ConfigureAwait(false);
            return TypedResults.Ok(new { status = "ok" });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Json(new { status = "unavailable", check = "storage", detail = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>One operation of the catalog.</summary>
public sealed record CatalogEntry(string Name, string Host, string Summary, string Kind, System.Text.Json.Nodes.JsonObject Schema);
