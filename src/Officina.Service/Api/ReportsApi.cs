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

    public static readonly FormField Template = FormField.File("template", "An .xlsx, .docx or .pptx (by content) with {{field}} placeholders.", required: true);

    public static readonly FormField Data = FormField.File("data",
        "CSV with a header row, or JSON (an array of objects, or an object with one array property): one document per record.", required: true);

    public static readonly FormField PlanTemplate = new("plan", FormFieldKind.TextOrFile,
        "A plan template (a plan whose strings may hold {{field}}) applied to each document, as a text field or a JSON file part; same host as the template.");

    public static readonly FormField Name = FormField.Text("name",
        "Output-name pattern, e.g. {{invoice_number}}-{{customer.name}}; default report-{{#}} (report-0001.docx, ...).");

    public static readonly FormField Missing = FormField.Choice("missing", BatchRequest.MissingValues,
        "A placeholder whose field a record lacks: fail (that record fails), empty, or keep the placeholder.", BatchRequest.MissingValues[0]);

    /// <summary>The <c>POST /reports</c> form (a schedule's adds cron and time zone).</summary>
    public static readonly RequestForm Form = new([Template, Data, PlanTemplate, Name, Missing]);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/reports", CreateAsync).AcceptsForm(Form).AcceptsIdempotencyKey().WithTags("Reports")
            .WithSummary("Fill a template once per data record as a batch job; the result is a zip of the documents and summary.json");
        return api;
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CreateAsync(
        HttpContext http, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents, [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.Value;
        var (form, problem) = await JobForm.ReadAsync(http.Request, Form, settings.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
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
