using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Officina.Operations;
using Officina.Reports.Data;
using Officina.Reports.Templates;
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

    private static readonly string[] Parts = ["template", "data", "plan"];

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

        var missing = form.Field("missing")?.Trim().ToLowerInvariant() ?? "fail";
        if (!BatchRequest.MissingValues.Contains(missing))
        {
            return Problems.Invalid("$.missing", "missing", $"missing must be fail, empty or keep. Given: '{form.Field("missing")}'.");
        }

        var name = form.Field("name");
        if (name is not null && (name.Length > MaxNamePatternLength || name.Any(char.IsControl)))
        {
            return Problems.Invalid("$.name", "name", name.Length > MaxNamePatternLength
                ? $"The name pattern has at most {MaxNamePatternLength} characters. Given: {name.Length}."
                : "The name pattern must not hold control characters (tabs, line breaks).");
        }

        var (template, data, partProblem) = TemplateAndData(form);
        if (partProblem is not null)
        {
            return partProblem;
        }

        ReportTemplate filled;
        try
        {
            filled = ReportTemplate.Load(new MemoryStream(template!.Content, writable: false), documents.Limits);
        }
        catch (Exception ex) when (ex is DocumentRejectedException or ReportInputException)
        {
            var rule = ex is DocumentRejectedException rejected ? rejected.Reason : ((ReportInputException)ex).Rule;
            return Problems.BadRequest($"The template '{template!.Name}' cannot be used: {ex.Message}", [new("$.template", rule, ex.Message)], rule);
        }

        IReadOnlyList<ReportRecord> records;
        try
        {
            records = ReportData.Read(new MemoryStream(data!.Content, writable: false), data.Name, settings.MaxReportRecords, settings.MaxReportDataBytes);
        }
        catch (ReportInputException ex)
        {
            return Problems.Invalid("$.data", ex.Rule, ex.Message);
        }

        var planText = await form.PlanTextAsync(cancellationToken).ConfigureAwait(false);
        if (planText is not null)
        {
            try
            {
                var plan = PlanTemplate.Parse(planText);
                if (plan.Host != filled.Host)
                {
                    return Problems.Invalid("$.plan", "plan_host", $"The plan template is for {plan.Host.ToName()} but the template '{template.Name}' is a {filled.Host.ToName()} document.");
                }
            }
            catch (ReportInputException ex)
            {
                return Problems.Invalid("$.plan", ex.Rule, ex.Message);
            }
        }

        var inputs = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [BatchRequest.DataSlot] = data.Content };
        if (planText is not null)
        {
            inputs[BatchRequest.PlanTemplateSlot] = Encoding.UTF8.GetBytes(planText);
        }

        var draft = new JobRecord
        {
            Id = "pending",
            Tenant = http.User.Tenant(),
            Kind = JobKind.Batch,
            Host = filled.Host.ToName(),
            Batch = new BatchRequest(name, missing, data.Name, records.Count, planText is not null),
            CreatedAt = default,
        };
        return await submitter.SubmitAsync(http, form.RequestHash, draft, template, [], cancellationToken, inputs).ConfigureAwait(false);
    }

    /// <summary>The one 'template' and one 'data' part, or the problem naming the part.</summary>
    private static (UploadedFile? Template, UploadedFile? Data, ProblemHttpResult? Problem) TemplateAndData(JobForm form)
    {
        UploadedFile? template = null;
        UploadedFile? data = null;
        foreach (var (part, file) in form.Parts)
        {
            if (part is "template" or "data" && (part == "template" ? template : data) is not null)
            {
                return (null, null, Problems.Invalid($"$.{part}", "one_file", $"Send one '{part}' part; a batch fills one template from one data file."));
            }

            if (part == "template")
            {
                template = file;
            }
            else if (part == "data")
            {
                data = file;
            }
        }

        if (template is null)
        {
            return (null, null, Problems.Invalid("$.template", "required", "Send the template (an .xlsx, .docx or .pptx with {{field}} placeholders) as the 'template' part."));
        }

        if (data is null)
        {
            return (null, null, Problems.Invalid("$.data", "required", "Send the data (CSV with a header row, or a JSON array of objects) as the 'data' part: one document per record."));
        }

        return (template, data, null);
    }
}
