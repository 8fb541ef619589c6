using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Officina.Operations;
using Officina.Planning.Model;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>The jobs resource of docs/api.md: submit, read, follow, approve, cancel, download.</summary>
public static class JobsApi
{
    public const string Prefix = "/api/v1";

    public static readonly FormField File = FormField.File("file", "The document to change (xlsx/xlsm, docx/docm, pptx/pptm, by content); without it a new document is created.");

    public static readonly FormField Instruction = FormField.Text("instruction", "What to do with the document, in plain language.", required: true);

    public static readonly FormField Host = FormField.Choice("host", [.. Enum.GetValues<DocumentHost>().Select(h => h.ToName())],
        "Which kind of document to create; required when no file is sent, ignored when one is.");

    public static readonly FormField Mode = FormField.Choice("mode", ["apply", "preview"],
        "apply: plan, apply and verify in one job; preview: stop at awaiting_approval with the plan, then POST /jobs/{id}/approve.", "apply");

    public static readonly FormField Effort = FormField.Choice("effort", [.. Enum.GetValues<ReasoningEffort>().Select(e => e.ToName())],
        "The model's reasoning effort; default OFFICINA_EFFORT, else chosen from the instruction.");

    public static readonly FormField Sources = new("sources", FormFieldKind.Files,
        "Source files the model may read and cite (PDF, CSV, JSON, Office files); repeat the part for more.");

    /// <summary>The <c>POST /jobs</c> form.</summary>
    public static readonly RequestForm Form = new([File, Instruction, Host, Mode, Effort, Sources]);

    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapPost("/", CreateAsync).AcceptsForm(Form).AcceptsIdempotencyKey()
            .WithSummary("Submit a file (optional) and an instruction: a model plans, Officina applies and verifies");
        jobs.MapGet("/", ListAsync).ProducesProblems(StatusCodes.Status400BadRequest).WithSummary("This tenant's jobs, newest first");
        jobs.MapGet("/{id}", GetAsync).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("A job: status, progress, changes, verification, usage");
        jobs.MapGet("/{id}/events", EventsAsync).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Server-sent events: progress, status, done");
        jobs.MapGet("/{id}/plan", PlanAsync).Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).WithSummary("The job's plan JSON");
        jobs.MapPost("/{id}/approve", ApproveAsync).AcceptsIdempotencyKey().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Apply all or some operations of a previewed plan");
        jobs.MapPost("/{id}/cancel", CancelAsync).AcceptsIdempotencyKey().ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Cancel a job");
        jobs.MapGet("/{id}/result", ResultAsync).Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone).WithSummary("The output file, once the job succeeded");
        jobs.MapGet("/{id}/original", OriginalAsync).Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone).WithSummary("The input as uploaded (undo)");
        return api;
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CreateAsync(
        HttpContext http, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents, [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (form, problem) = await JobForm.ReadAsync(http.Request, Form, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (form is null)
        {
            return problem!;
        }

        var instruction = form.Field(Instruction.Name);
        if (instruction is null)
        {
            return Problems.Invalid("$.instruction", "required", "An instruction is required: say in plain language what to do with the document.");
        }

        var mode = form.Field(Mode.Name) ?? Mode.Default!;
        if (Mode.CheckChoice(mode) is { } badMode)
        {
            return Problems.Invalid(badMode.Path, badMode.Rule, badMode.Message);
        }

        var effort = form.Field(Effort.Name);
        if (effort is not null && Effort.CheckChoice(effort) is { } badEffort)
        {
            return Problems.Invalid(badEffort.Path, badEffort.Rule, badEffort.Message);
        }

        string host;
        if (form.File is { } file)
        {
            try
            {
                host = documents.Inspect(file.Content).Host.ToName();
            }
            catch (DocumentRejectedException ex)
            {
                return Problems.BadRequest($"The file '{file.Name}' cannot be used: {ex.Message}", [new("$.file", ex.Reason, ex.Message)], ex.Reason);
            }
        }
        else if (form.Field(Host.Name) is { } hostName)
        {
            if (!DocumentHosts.TryParse(hostName, out var parsed))
            {
                return Problems.Invalid("$.host", "host", $"host must be one of {string.Join(", ", Host.Values!)}. Given: '{hostName}'.");
            }

            host = parsed.ToName();
        }
        else
        {
            return Problems.Invalid("$.host", "required", $"Without a file, say which kind of document to create: host = {string.Join(", ", Host.Values!)}.");
        }

        var draft = new JobRecord
        {
            Id = "pending",
            Tenant = http.User.Tenant(),
            Kind = JobKind.Model,
            Host = host,
            Instruction = instruction,
            Mode = mode,
            Effort = effort,
            FileName = form.File is null ? $"new.{(host == "excel" ? "xlsx" : host == "word" ? "docx" : "pptx")}" : null,
            CreatedAt = default,
        };
        return await submitter.SubmitAsync(http, form.RequestHash, draft, form.File, form.Sources, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Results<Ok<JobPage>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, [FromServices] IJobStore store, CancellationToken cancellationToken, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return Problems.Invalid("$.page", "paging", $"page must be 1 or more and page_size from 1 to 200. Given: page={page}, page_size={pageSize}.");
        }

        var (items, total) = await store.ListAsync(user.Tenant(), (page - 1) * pageSize, pageSize, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new JobPage([.. items.Select(JobView.From)], page, pageSize, total));
    }

    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, [FromServices] IJobStore store, CancellationToken cancellationToken) =>
        await FindAsync(store, id, user, cancellationToken).ConfigureAwait(false) is { } job ? TypedResults.Ok(JobView.From(job)) : Problems.NotFound(id);

    public static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> EventsAsync(string id, ClaimsPrincipal user, [FromServices] IJobStore store, CancellationToken cancellationToken) =>
        await FindAsync(store, id, user, cancellationToken).ConfigureAwait(false) is null
            ? Problems.NotFound(id)
            : TypedResults.ServerSentEvents(Follow(id, user.Tenant(), store, cancellationToken));

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PlanAsync(string id, ClaimsPrincipal user, [FromServices] IJobStore store, CancellationToken cancellationToken)
    {
        var job = await FindAsync(store, id, user, cancellationToken).ConfigureAwait(false);
        return job switch
        {
            null => Problems.NotFound(id),
            { Plan: null } => Problems.Conflict($"Job '{id}' has no plan yet (status {job.Status})."),
            _ => TypedResults.Text(JobPlans.WithDependsOn(job), "application/json"),
        };
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> ApproveAsync(
        string id, HttpContext http, ClaimsPrincipal user, [FromBody] ApproveRequest? request, [FromServices] IJobStore store, [FromServices] JobSubmitter submitter, CancellationToken cancellationToken)
    {
        var job = await FindAsync(store, id, user, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return Problems.NotFound(id);
        }

        var body = request?.Operations is { } chosen ? string.Join(",", chosen) : "all";
        if (job.Status != JobStatus.AwaitingApproval)
        {
            // A retry of an approval that went through (same Idempotency-Key and body) gets the job, not a conflict.
            if (http.Request.Headers.ContainsKey(IdempotencyKeyHeader.Name)
                && await submitter.RepeatedAsync(http, job.Tenant, body, id, cancellationToken).ConfigureAwait(false) is { } repeated)
            {
                return repeated;
            }

            return Problems.Conflict($"Only a job in awaiting_approval can be approved (mode=preview). Job '{id}' is {job.Status}.");
        }

        var count = JsonDocument.Parse(job.Plan!).RootElement.GetProperty("operations").GetArrayLength();
        var indexes = request?.Operations;
        if (indexes is not null)
        {
            var errors = indexes.Select((value, i) => (value, i))
                .Where(x => x.value < 0 || x.value >= count || indexes.Take(x.i).Contains(x.value))
                .Select(x => new OperationError($"$.operations[{x.i}]", "operation_index", $"Each index must appear once and be from 0 to {count - 1} (the plan has {count} operations). Given: {x.value}."))
                .ToList();
            if (errors.Count > 0)
            {
                return Problems.BadRequest(errors[0].Message, errors, "operation_index");
            }
        }

        // Checked before the Idempotency-Key is claimed: a refused selection changes nothing, and the key can carry a better one.
        if (indexes is not null && JobPlans.CheckApproval(job, indexes) is { } refused)
        {
            return refused;
        }

        if (await submitter.RepeatedAsync(http, job.Tenant, body, id, cancellationToken).ConfigureAwait(false) is { } first)
        {
            return first;
        }

        var updated = await store.UpdateAsync(id, j => j.Status == JobStatus.AwaitingApproval && !j.CancelRequested
            ? j with
            {
                Status = JobStatus.Applying,
                Approved = indexes,
                Error = null,

                // Jobs previewed before previews were kept apart: the preview moves out of what the job applied.
                Preview = j.Preview ?? new JobPreview(j.Changes, j.Verification),
                Changes = [],
                Verification = null,
                Progress = new(JobStatus.Applying, 0, indexes?.Count ?? count, "Approved; waiting for a worker"),
            }
            : j, cancellationToken).ConfigureAwait(false);
        if (updated is null || updated.Approved != indexes || updated.Status != JobStatus.Applying)
        {
            return Problems.Conflict($"Job '{id}' changed while it was being approved; it is now {updated?.Status}.");
        }

        submitter.Enqueue(id);
        return TypedResults.Accepted($"{Prefix}/jobs/{id}", JobView.From(updated));
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CancelAsync(
        string id, HttpContext http, ClaimsPrincipal user, [FromServices] IJobStore store, [FromServices] JobSubmitter submitter, CancellationToken cancellationToken)
    {
        if (await FindAsync(store, id, user, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.NotFound(id);
        }

        if (await submitter.RepeatedAsync(http, user.Tenant(), "cancel", id, cancellationToken).ConfigureAwait(false) is { } repeated)
        {
            return repeated;
        }

        var updated = await store.UpdateAsync(id, j => JobStatus.IsTerminal(j.Status) ? j : j with
        {
            CancelRequested = true,

            // Nothing runs for a queued or waiting job: it is cancelled now; a running one when its worker sees the flag.
            Status = j.Status is JobStatus.Queued or JobStatus.AwaitingApproval ? JobStatus.Cancelled : j.Status,
        }, cancellationToken).ConfigureAwait(false);
        return updated is { CancelRequested: true } || updated?.Status == JobStatus.Cancelled
            ? TypedResults.Accepted($"{Prefix}/jobs/{id}", JobView.From(updated))
            : Problems.Conflict($"Job '{id}' has already finished ({updated?.Status}); there is nothing to cancel.");
    }

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultAsync(string id, ClaimsPrincipal user, [FromServices] IJobStore store, [FromServices] IFileStore files, CancellationToken cancellationToken) =>
        DownloadAsync(id, "result", user, store, files, cancellationToken);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> OriginalAsync(string id, ClaimsPrincipal user, [FromServices] IJobStore store, [FromServices] IFileStore files, CancellationToken cancellationToken) =>
        DownloadAsync(id, "original", user, store, files, cancellationToken);

    /// <summary>The job when it exists and belongs to the caller's tenant; other tenants' jobs read as missing.</summary>
    public static async Task<JobRecord?> FindAsync(IJobStore store, string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(user);
        return StoreIds.IsValid(id) && await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } job && job.Tenant == user.Tenant() ? job : null;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, string slot, ClaimsPrincipal user, IJobStore store, IFileStore files, CancellationToken cancellationToken)
    {
        var job = await FindAsync(store, id, user, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return Problems.NotFound(id);
        }

        if (slot == "result" && job.Status != JobStatus.Succeeded)
        {
            return Problems.Conflict($"Job '{id}' has no result: it is {job.Status}{(job.Error is { } e ? $" ({e.Message})" : "")}.");
        }

        if (slot == "original" && !job.HasOriginal)
        {
            return Problems.Conflict($"Job '{id}' created a new document; there is no original.");
        }

        var content = await files.ReadAsync(id, slot, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Problems.Of(StatusCodes.Status410Gone, "Gone", $"The {slot} file of job '{id}' is no longer stored.");
        }

        var download = slot == "result" ? JobFiles.Result(job) : JobFiles.Original(job);
        return TypedResults.File(content, download.ContentType, download.Name);
    }

    private static async IAsyncEnumerable<SseItem<string>> Follow(string id, string tenant, IJobStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? status = null;
        JobProgress? progress = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var job = StoreIds.IsValid(id) ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (job is null || job.Tenant != tenant)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(new { status = 404, detail = $"There is no job '{id}' for this API key's tenant." }, ServiceJson.Options), "error");
                yield break;
            }

            if (job.Progress is not null && job.Progress != progress)
            {
                progress = job.Progress;
                yield return new SseItem<string>(JsonSerializer.Serialize(progress, ServiceJson.Options), "progress");
            }

            if (job.Status != status)
            {
                status = job.Status;
                var json = JsonSerializer.Serialize(JobView.From(job), ServiceJson.Options);
                yield return new SseItem<string>(json, "status");
                if (JobStatus.IsTerminal(status))
                {
                    yield return new SseItem<string>(json, "done");
                    yield break;
                }
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }
}
