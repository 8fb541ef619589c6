using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Security;

namespace Officina.Service.Api;

/// <summary>
/// Report batches: an Office template with <c>{{field}}</c> placeholders, CSV or JSON data and an
/// optional plan template become one verified document per record, zipped, as a <c>batch</c> job.
/// Everything that can be checked cheaply is checked before anything is queued.
/// </summary>
public static class ReportsApi
{
    /// <summary>The longest output-name pattern accepted (names are cut to 120 characters anyway).</summary>
    public const int MaxNamePatternLength = 500;

    /// <summary>The file parts of a report batch form (also a schedule's).</summary>
    public static readonly IReadOnlyList<string> Parts = ["template", "data", "plan"];

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/reports", CreateAsync).Accepts<IFormFile>("multipart/form-data").DisableAntiforgery().WithTags("Reports")
            .WithSummary("Fill a template once per data record as a batch job; the result is a zip of the documents and summary.json");
        return api;
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CreateAsync(
        HttpContext http, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents, [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.Value;
        var (form, problem) = await JobForm.ReadAsync(http.Request, settings.MaxUploadBytes, cancellationToken, Parts).ConfigureAwait(false);
        if (form is null)
        {
            return problem!;
        }

        var (request, invalid) = await ReportRequest.ReadAsync(form, documents, settings, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return invalid!;
        }

        var draft = new JobRecord
        {
            Id = "pending",
            Tenant = http.User.Tenant(),
            Kind = JobKind.Batch,
            Host = request.Host,
            Batch = request.Batch,
            CreatedAt = default,
        };
        return await submitter.SubmitAsync(http, form.RequestHash, draft, request.Template, [], cancellationToken, request.Inputs).ConfigureAwait(false);
    }
}
