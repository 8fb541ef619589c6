using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Officina.Operations;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>Plans without a model: apply a given plan to a file, or replay an earlier job's plan on another file.</summary>
public static class PlansApi
{
    public static readonly FormField File = FormField.File("file", "The document to change; its kind must be the plan's host.", required: true);

    public static readonly FormField Plan = new("plan", FormFieldKind.TextOrFile,
        "The plan JSON ({\"host\", \"instruction\", \"operations\": [{\"op\": ...}]}, see GET /catalog), as a text field or a JSON file part.") { Required = true };

    /// <summary>The <c>POST /plans/apply</c> form.</summary>
    public static readonly RequestForm ApplyForm = new([File, Plan, JobsApi.Sources]);

    /// <summary>The <c>POST /plans/{id}/replay</c> form: the earlier job's plan on another file.</summary>
    public static readonly RequestForm ReplayForm = new([File, JobsApi.Sources]);

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapPost("/apply", ApplyAsync).AcceptsForm(ApplyForm).AcceptsIdempotencyKey()
            .WithSummary("Validate a plan now (400 with errors), then apply and verify it as a job");
        plans.MapPost("/{id}/replay", ReplayAsync).AcceptsForm(ReplayForm).AcceptsIdempotencyKey().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Apply the plan of an earlier job of this tenant to another file");
        return api;
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> ApplyAsync(
        HttpContext http, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents, [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (form, problem) = await JobForm.ReadAsync(http.Request, ApplyForm, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (form is null)
        {
            return problem!;
        }

        var text = await form.PlanTextAsync(cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return Problems.Invalid("$.plan", "required", "Send the plan JSON as a 'plan' field or a 'plan' file part.");
        }

        var read = new PlanSerializer(JobDocuments.Catalog).Read(text);
        if (!read.Succeeded)
        {
            return Problems.BadRequest($"The plan is not valid ({read.Errors.Count} error(s)); nothing was queued. {read.Errors[0]}", read.Errors, "invalid_plan");
        }

        var plan = read.Plan!;
        return await SubmitAsync(http, submitter, documents, form, plan.Host.ToName(), plan.Instruction, new PlanSerializer(JobDocuments.Catalog).Write(plan), null, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> ReplayAsync(
        string id, HttpContext http, ClaimsPrincipal user, [FromServices] IJobStore store, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents,
        [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var earlier = await JobsApi.FindAsync(store, id, user, cancellationToken).ConfigureAwait(false);
        if (earlier is null)
        {
            return Problems.NotFound(id);
        }

        if (earlier.Plan is null)
        {
            return Problems.Conflict($"Job '{id}' has no plan to replay (status {earlier.Status}).");
        }

        var (form, problem) = await JobForm.ReadAsync(http.Request, ReplayForm, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (form is null)
        {
            return problem!;
        }

        // Replay what was applied: the approved subset when there was one.
        var plan = earlier.Plan;
        if (earlier.Approved is { } approved && new PlanSerializer(JobDocuments.Catalog).Read(plan) is { Succeeded: true, Plan: { } full })
        {
            plan = new PlanSerializer(JobDocuments.Catalog).Write(full with { Operations = [.. approved.Order().Select(i => full.Operations[i])] });
        }

        return await SubmitAsync(http, submitter, documents, form, earlier.Host, earlier.Instruction, plan, id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, JobSubmitter submitter, JobDocuments documents, JobForm form, string host, string? instruction, string plan, string? replayOf, CancellationToken cancellationToken)
    {
        if (form.File is not { } file)
        {
            return Problems.Invalid("$.file", "required", "Send the document to change as the 'file' part.");
        }

        try
        {
            var fileHost = documents.Inspect(file.Content).Host.ToName();
            if (fileHost != host)
            {
                return Problems.Invalid("$.host", "host", $"The plan is for {host} but the file '{file.Name}' is a {fileHost} document.");
            }
        }
        catch (DocumentRejectedException ex)
        {
            return Problems.BadRequest($"The file '{file.Name}' cannot be used: {ex.Message}", [new("$.file", ex.Reason, ex.Message)], ex.Reason);
        }

        var draft = new JobRecord
        {
            Id = "pending",
            Tenant = http.User.Tenant(),
            Kind = JobKind.Plan,
            Host = host,
            Instruction = instruction,
            Plan = plan,
            ReplayOf = replayOf,
            CreatedAt = default,
        };
        return await submitter.SubmitAsync(http, form.RequestHash, draft, file, form.Sources, cancellationToken).ConfigureAwait(false);
    }
}
