using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Officina.Operations;
using Officina.Reports.Data;
using Officina.Reports.Templates;
using Officina.Service.Configuration;
using Officina.Service.Jobs;

namespace Officina.Service.Api;

/// <summary>
/// A report batch request checked up front (<c>POST /reports</c> and <c>POST /schedules</c> read the
/// same form): the template, its host, the batch settings, and the inputs a batch job stores beside
/// the template (the data, and the plan template when one was sent).
/// </summary>
public sealed record ReportRequest(UploadedFile Template, string Host, BatchRequest Batch, IReadOnlyDictionary<string, byte[]> Inputs)
{
    /// <summary>Checks the form's report fields and parts; returns the request or the problem naming the field.</summary>
    public static async Task<(ReportRequest? Request, ProblemHttpResult? Problem)> ReadAsync(
        JobForm form, JobDocuments documents, OfficinaOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(settings);
        var missing = form.Field(ReportsApi.Missing.Name)?.Trim().ToLowerInvariant() ?? ReportsApi.Missing.Default!;
        if (ReportsApi.Missing.CheckChoice(missing) is not null)
        {
            return (null, Problems.Invalid("$.missing", "missing", $"missing must be one of {string.Join(", ", ReportsApi.Missing.Values!)}. Given: '{form.Field(ReportsApi.Missing.Name)}'."));
        }

        var name = form.Field(ReportsApi.Name.Name);
        if (name is not null && (name.Length > ReportsApi.MaxNamePatternLength || name.Any(char.IsControl)))
        {
            return (null, Problems.Invalid("$.name", "name", name.Length > ReportsApi.MaxNamePatternLength
                ? $"The name pattern has at most {ReportsApi.MaxNamePatternLength} characters. Given: {name.Length}."
                : "The name pattern must not hold control characters (tabs, line breaks)."));
        }

        var (template, data, partProblem) = TemplateAndData(form);
        if (partProblem is not null)
        {
            return (null, partProblem);
        }

        ReportTemplate filled;
        try
        {
            filled = ReportTemplate.Load(new MemoryStream(template!.Content, writable: false), documents.Limits);
        }
        catch (Exception ex) when (ex is DocumentRejectedException or ReportInputException)
        {
            var rule = ex is DocumentRejectedException rejected ? rejected.Reason : ((ReportInputException)ex).Rule;
            return (null, Problems.BadRequest($"The template '{template!.Name}' cannot be used: {ex.Message}", [new("$.template", rule, ex.Message)], rule));
        }

        IReadOnlyList<ReportRecord> records;
        try
        {
            records = ReportData.Read(new MemoryStream(data!.Content, writable: false), data.Name, settings.MaxReportRecords, settings.MaxReportDataBytes);
        }
        catch (ReportInputException ex)
        {
            return (null, Problems.Invalid("$.data", ex.Rule, ex.Message));
        }

        var planText = await form.PlanTextAsync(cancellationToken).ConfigureAwait(false);
        if (planText is not null)
        {
            try
            {
                var plan = PlanTemplate.Parse(planText);
                if (plan.Host != filled.Host)
                {
                    return (null, Problems.Invalid("$.plan", "plan_host", $"The plan template is for {plan.Host.ToName()} but the template '{template.Name}' is a {filled.Host.ToName()} document."));
                }
            }
            catch (ReportInputException ex)
            {
                return (null, Problems.Invalid("$.plan", ex.Rule, ex.Message));
            }
        }

        var inputs = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [BatchRequest.DataSlot] = data.Content };
        if (planText is not null)
        {
            inputs[BatchRequest.PlanTemplateSlot] = Encoding.UTF8.GetBytes(planText);
        }

        var batch = new BatchRequest(name, missing, data.Name, records.Count, planText is not null);
        return (new ReportRequest(template, filled.Host.ToName(), batch, inputs), null);
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
