using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>
/// Recurring report batches: the <c>POST /reports</c> form plus a cron expression and a time zone.
/// The template, data and plan template are stored under the schedule's id; each run (cron or
/// <c>POST /schedules/{id}/run</c>) is a normal <c>batch</c> job of the tenant.
/// </summary>
public static class SchedulesApi
{
    /// <summary>The longest schedule name accepted.</summary>
    public const int MaxNameLength = 200;

    public static readonly FormField Cron = FormField.Text("cron",
        "When the batch runs: a 5-field cron expression (minute hour day-of-month month day-of-week), e.g. '0 7 1 * *' for 07:00 on the 1st of every month.", required: true);

    public static readonly FormField TimeZone = FormField.Text("time_zone", "The IANA time zone the cron is read in, e.g. Europe/Berlin.") with { Default = "UTC" };

    public static readonly FormField ScheduleName = FormField.Text("schedule_name",
        $"The schedule's display name (at most {MaxNameLength} characters); 'name' stays the output-name pattern of the documents.");

    /// <summary>The <c>POST /schedules</c> form: the report form plus when it runs.</summary>
    public static readonly RequestForm Form = ReportsApi.Form.With(Cron, TimeZone, ScheduleName);

    public static RouteGroupBuilder MapSchedulesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var schedules = api.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapPost("/", CreateAsync).AcceptsForm(Form).AcceptsIdempotencyKey()
            .WithSummary("Run a report batch on a cron schedule: the /reports form plus cron and time_zone");
        schedules.MapGet("/", ListAsync).ProducesProblems(StatusCodes.Status400BadRequest).WithSummary("This tenant's schedules, newest first");
        schedules.MapGet("/{id}", GetAsync).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("A schedule: cron, time zone, next run, newest runs");
        schedules.MapDelete("/{id}", DeleteAsync).ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Delete a schedule and its stored inputs (jobs already made stay)");
        schedules.MapPost("/{id}/run", RunAsync).AcceptsIdempotencyKey().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Run a schedule now: a batch job at once");
        return api;
    }

    public static async Task<Results<Created<ScheduleView>, ProblemHttpResult>> CreateAsync(
        HttpContext http, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents, [FromServices] IScheduleStore store,
        [FromServices] IFileStore files, [FromServices] ScheduleRegistry registry, [FromServices] TimeProvider time, [FromServices] IOptions<OfficinaOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.Value;
        var (form, problem) = await JobForm.ReadAsync(http.Request, Form, settings.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (form is null)
        {
            return problem!;
        }

        if (form.Field(Cron.Name) is not { } cronText)
        {
            return Problems.Invalid("$.cron", "required", "Send when the batch runs as 'cron', a 5-field cron expression (minute hour day-of-month month day-of-week), e.g. '0 7 1 * *'.");
        }

        if (ScheduleRegistry.ParseCron(cronText, out var cronError) is null)
        {
            return Problems.Invalid("$.cron", "cron", cronError!);
        }

        var zoneId = form.Field(TimeZone.Name)?.Trim() ?? TimeZone.Default!;
        if (ScheduleRegistry.FindTimeZone(zoneId) is null)
        {
            return Problems.Invalid("$.time_zone", "time_zone", $"time_zone must be an IANA time zone id such as Europe/Berlin or UTC. Given: '{zoneId}'.");
        }

        var scheduleName = form.Field(ScheduleName.Name);
        if (scheduleName is not null && (scheduleName.Length > MaxNameLength || scheduleName.Any(char.IsControl)))
        {
            return Problems.Invalid("$.schedule_name", "schedule_name", $"schedule_name has at most {MaxNameLength} characters and no control characters.");
        }

        var (request, invalid) = await ReportRequest.ReadAsync(form, documents, settings, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return invalid!;
        }

        var tenant = http.User.Tenant();
        var id = StoreIds.NewScheduleId();
        var (earlier, keyProblem) = await submitter.ClaimKeyAsync(http, tenant, form.RequestHash, id, cancellationToken).ConfigureAwait(false);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        if (earlier is not null)
        {
            return await store.GetAsync(earlier.JobId, cancellationToken).ConfigureAwait(false) is { } first && first.Tenant == tenant
                ? Created(first, time.GetUtcNow())
                : Problems.Conflict("The request with this Idempotency-Key is still being processed, or its schedule was deleted; use a new key.");
        }

        var now = time.GetUtcNow();
        var schedule = new ScheduleRecord
        {
            Id = id,
            Tenant = tenant,
            Name = scheduleName,
            Cron = string.Join(' ', cronText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            TimeZone = zoneId,
            Host = request.Host,
            FileName = request.Template.Name,
            Batch = request.Batch,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await files.WriteAsync(id, "original", request.Template.Content, cancellationToken).ConfigureAwait(false);
        foreach (var (slot, content) in request.Inputs)
        {
            await files.WriteAsync(id, slot, content, cancellationToken).ConfigureAwait(false);
        }

        await store.CreateAsync(schedule, cancellationToken).ConfigureAwait(false);
        try
        {
            registry.Register(schedule);
        }
        catch
        {
            // Without its recurring job the schedule would never run: take it back whole.
            await store.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            await files.DeleteAllAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return Created(schedule, now);
    }

    public static async Task<Results<Ok<SchedulePage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, [FromServices] IScheduleStore store, [FromServices] TimeProvider time, CancellationToken cancellationToken,
        int page = 1, [FromQuery(Name = "page_size")] int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return Problems.Invalid("$.page", "paging", $"page must be 1 or more and page_size from 1 to 200. Given: page={page}, page_size={pageSize}.");
        }

        var (items, total) = await store.ListAsync(user.Tenant(), (page - 1) * pageSize, pageSize, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new SchedulePage([.. items.Select(s => ScheduleView.From(s, now))], page, pageSize, total));
    }

    public static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, [FromServices] IScheduleStore store, [FromServices] TimeProvider time, CancellationToken cancellationToken) =>
        await MineAsync(store, id, user, cancellationToken).ConfigureAwait(false) is { } schedule
            ? TypedResults.Ok(ScheduleView.From(schedule, time.GetUtcNow()))
            : NotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, [FromServices] IScheduleStore store, [FromServices] IFileStore files, [FromServices] ScheduleRegistry registry, CancellationToken cancellationToken)
    {
        if (await MineAsync(store, id, user, cancellationToken).ConfigureAwait(false) is not { } schedule)
        {
            return NotFound(id);
        }

        // The recurring job first, so no run starts from a half-deleted schedule; then the inputs, then the record.
        registry.Remove(schedule.Id);
        await files.DeleteAllAsync(schedule.Id, cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(schedule.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> RunAsync(
        string id, HttpContext http, [FromServices] IScheduleStore store, [FromServices] JobSubmitter submitter, [FromServices] ScheduleRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await MineAsync(store, id, http.User, cancellationToken).ConfigureAwait(false) is not { } schedule)
        {
            return NotFound(id);
        }

        var jobId = StoreIds.NewJobId();
        if (await submitter.RepeatedAsync(http, schedule.Tenant, schedule.Id, jobId, cancellationToken).ConfigureAwait(false) is { } repeated)
        {
            return repeated;
        }

        return await runner.RunNowAsync(schedule, jobId, cancellationToken).ConfigureAwait(false) is { } job
            ? TypedResults.Accepted($"{JobsApi.Prefix}/jobs/{job.Id}", JobView.From(job))
            : NotFound(id);
    }

    private static async Task<ScheduleRecord?> MineAsync(IScheduleStore store, string id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } schedule && schedule.Tenant == user.Tenant() ? schedule : null;

    private static Created<ScheduleView> Created(ScheduleRecord schedule, DateTimeOffset now) =>
        TypedResults.Created($"{JobsApi.Prefix}/schedules/{schedule.Id}", ScheduleView.From(schedule, now));

    private static ProblemHttpResult NotFound(string id) =>
        Problems.Of(StatusCodes.Status404NotFound, "Not found", $"There is no schedule '{id}' for this API key's tenant.");
}
