using System.Diagnostics;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;
using Npgsql;
using Officina.OpenXml.Rendering;
using Officina.Operations;
using Officina.Planning;
using Officina.Planning.Model;
using Officina.Reports;
using Officina.Reports.Data;
using Officina.Service.Configuration;
using Officina.Service.Storage;
using Officina.Service.Workers;
using Officina.Sources;

namespace Officina.Service.Jobs;

/// <summary>
/// The Hangfire job that moves a job through its lifecycle. It takes only the job id and is
/// safe to re-run: it continues from the stored status, the result is written under the job
/// id (replacing any earlier attempt's), and the status is written last. Only transient
/// faults are thrown back to Hangfire for a retry; everything else fails the job with a message.
/// By default the work runs in a worker process of its own (<see cref="WorkerSupervisor"/>), so
/// a fatal fault, a runaway or a memory hog fails that job and nothing else.
/// </summary>
public sealed partial class JobRunner(
    IJobStore jobs, IFileStore files, JobDocuments documents, DocumentRenderer renderer, ReportBatchJob reports, ModelLoopFactory models,
    IOptions<OfficinaOptions> options, ILogger<JobRunner> log, WorkerSupervisor? supervisor = null)
{
    public const int TransientRetries = 3;

    /// <summary>The job ran past <c>Officina:JobTimeoutSeconds</c>.</summary>
    public const string JobTimeoutCode = "job_timeout";

    /// <summary>The job's worker went past <c>Officina:JobMemoryMegabytes</c>.</summary>
    public const string MemoryExceededCode = "memory_exceeded";

    /// <summary>The job's worker process died (stack overflow, fatal runtime error, killed from outside); never retried.</summary>
    public const string WorkerCrashedCode = "worker_crashed";

    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(250);

    [AutomaticRetry(Attempts = TransientRetries, OnlyOn = [typeof(TransientJobException)], DelaysInSeconds = [2, 10, 30], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string jobId, PerformContext? context, CancellationToken cancellationToken)
    {
        var retry = context?.GetJobParameter<int>("RetryCount") ?? 0;
        using var activity = JobTelemetry.Source.StartActivity("job.run");
        activity?.SetTag("job.id", jobId);
        if (supervisor is not null && options.Value.IsolatesJobs)
        {
            await RunInWorkerAsync(jobId, retry, activity, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RunHereAsync(jobId, retry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the job in a worker process and writes what the worker could not: a job it left
    /// unfinished because it died, ran out of time or memory, or was stopped after a cancel. A job
    /// whose worker died is failed, never retried (it would die again, and take its next worker with it).
    /// </summary>
    private async Task RunInWorkerAsync(string jobId, int retry, Activity? activity, CancellationToken cancellationToken)
    {
        var before = await jobs.GetAsync(StoreIds.Require(jobId, "job id"), cancellationToken).ConfigureAwait(false);
        if (before is null || JobStatus.IsTerminal(before.Status) || before.Status == JobStatus.AwaitingApproval)
        {
            return;
        }

        activity?.SetTag("job.kind", before.Kind);
        activity?.SetTag("job.run", before.Runs + 1);
        var result = await supervisor!.RunAsync(jobId, retry, activity?.Context ?? default, cancellationToken).ConfigureAwait(false);
        JobError? error = result.End switch
        {
            WorkerEnd.Transient => throw new TransientJobException(result.Detail),
            WorkerEnd.TimedOut => new(JobTimeoutCode, result.Detail),
            WorkerEnd.OutOfMemory => new(MemoryExceededCode, result.Detail),
            WorkerEnd.Crashed => new(WorkerCrashedCode, result.Detail),
            _ => null,
        };
        if (error is not null)
        {
            log.LogWarning("Job {JobId} failed: {Code} {Message}", jobId, error.Code, error.Message);
            await jobs.UpdateAsync(jobId, j => JobStatus.IsTerminal(j.Status) ? j : j with { Status = JobStatus.Failed, Error = error }, CancellationToken.None).ConfigureAwait(false);
        }
        else if (result.End == WorkerEnd.Cancelled)
        {
            await jobs.UpdateAsync(jobId, j => JobStatus.IsTerminal(j.Status) ? j : j with { Status = JobStatus.Cancelled }, CancellationToken.None).ConfigureAwait(false);
        }

        // The worker's own telemetry stays in the worker: the service records what changed.
        var after = await jobs.GetAsync(jobId, CancellationToken.None).ConfigureAwait(false);
        if (after is not null && JobStatus.IsTerminal(after.Status))
        {
            JobTelemetry.RecordFinished(after);
        }

        if (after?.Usage is { } usage && (usage.InputTokens, usage.OutputTokens) != (before.Usage?.InputTokens ?? 0, before.Usage?.OutputTokens ?? 0))
        {
            JobTelemetry.RecordModelUsage(usage with { InputTokens = usage.InputTokens - (before.Usage?.InputTokens ?? 0), OutputTokens = usage.OutputTokens - (before.Usage?.OutputTokens ?? 0) });
        }
    }

    /// <summary>Runs the job in this process (a worker process, or the service with <c>Officina:JobIsolation</c> <c>none</c>).</summary>
    public async Task RunHereAsync(string jobId, int retry, CancellationToken cancellationToken)
    {
        var job = await jobs.UpdateAsync(StoreIds.Require(jobId, "job id"), j => j with { Runs = j.Runs + 1 }, cancellationToken).ConfigureAwait(false);
        if (job is null || JobStatus.IsTerminal(job.Status) || job.Status == JobStatus.AwaitingApproval)
        {
            return;
        }

        if (job.CancelRequested)
        {
            await FinishAsync(jobId, j => j with { Status = JobStatus.Cancelled, Progress = j.Progress is { } p ? p with { Stage = JobStatus.Cancelled } : null }, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (Activity.Current is { OperationName: "job.run" } run && run.Source == JobTelemetry.Source)
        {
            run.SetTag("job.kind", job.Kind);
            run.SetTag("job.run", job.Runs);
        }

        var timeLimit = options.Value.JobTimeoutSeconds;
        using var deadline = timeLimit > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(timeLimit)) : new CancellationTokenSource();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var sink = new JobProgressSink(TimeSpan.FromMilliseconds(options.Value.StepDelayMilliseconds), cancel.Token);
        using var stopWatching = new CancellationTokenSource();
        var watcher = WatchAsync(jobId, sink, cancel, stopWatching.Token);
        try
        {
            if (job.Kind == JobKind.Verify)
            {
                await VerifyAsync(job, cancel.Token).ConfigureAwait(false);
                return;
            }

            if (job.Kind == JobKind.Render)
            {
                await RenderAsync(job, sink, cancel.Token).ConfigureAwait(false);
                return;
            }

            if (job.Kind == JobKind.Batch)
            {
                await BatchAsync(job, sink, cancel.Token).ConfigureAwait(false);
                return;
            }

            if (job.Kind == JobKind.Model && job.Status is JobStatus.Queued or JobStatus.Planning)
            {
                job = await PlanAsync(job, sink, cancel.Token).ConfigureAwait(false);
            }

            if (job is { Status: JobStatus.Queued or JobStatus.Applying or JobStatus.Verifying })
            {
                await ApplyAsync(job, sink, cancel.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(jobId, new(JobTimeoutCode, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The job ran longer than its time limit of {timeLimit:0.#} s (Officina:JobTimeoutSeconds) and was stopped; nothing was written.")), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OutOfMemoryException)
        {
            await FailAsync(jobId, new(MemoryExceededCode,
                "The job needed more memory than it may use (Officina:JobMemoryMegabytes) and was stopped; nothing was written."), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(jobId, j => j with { Status = JobStatus.Cancelled }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFaults.IsDiskFull(ex))
        {
            // Not retried by Hangfire: space comes back when an operator acts, so the job fails now and a resubmission runs it again.
            log.LogWarning("Job {JobId} failed: no space left to store its files ({Message})", jobId, ex.Message);
            await FailAsync(jobId, new(StorageFaults.StorageFullCode,
                "The job's result could not be stored: the disk that holds Officina's data is full, and nothing was kept. "
                + "Free space, then submit the request again (with the same Idempotency-Key, too)."), CancellationToken.None).ConfigureAwait(false);
        }
        catch (TransientJobException ex) when (retry >= TransientRetries)
        {
            await FailAsync(jobId, new("transient_fault", $"{ex.Message} Gave up after {TransientRetries} retries."), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientJobException($"Storage failed while running job '{jobId}'. See inner exception for details.", ex);
        }
        catch (DocumentRejectedException ex)
        {
            await FailAsync(jobId, new(ex.Reason, ex.Message), CancellationToken.None).ConfigureAwait(false);
        }
        catch (RenderException ex)
        {
            await FailAsync(jobId, new(ex.Code, ex.Message), CancellationToken.None).ConfigureAwait(false);
        }
        catch (ReportInputException ex)
        {
            await FailAsync(jobId, new(ex.Rule, ex.Message), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not TransientJobException)
        {
            // Anything else is not worth a retry: the job fails with the reason instead of staying in its stage.
            log.LogError(ex, "Job {JobId} failed", jobId);
            await FailAsync(jobId, new("internal", $"The job failed: {ex.Message}"), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }
    }

    private async Task<JobRecord?> PlanAsync(JobRecord job, JobProgressSink sink, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity("job.plan");
        ModelSettings settings;
        try
        {
            settings = models.Settings();
        }
        catch (ModelNotConfiguredException ex)
        {
            await FailAsync(job.Id, new("model_not_configured", ex.Message), cancellationToken).ConfigureAwait(false);
            return null;
        }

        job = await Set(job.Id, j => j with { Status = JobStatus.Planning, Progress = new(JobStatus.Planning, 0, 0, $"Planning with {settings.Model}") }, cancellationToken).ConfigureAwait(false);
        using var session = await documents.OpenAsync(job, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SourceDocument> sources;
        try
        {
            sources = await documents.SourcesAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceRejectedException ex)
        {
            await FailAsync(job.Id, new("source_rejected", ex.Message), cancellationToken).ConfigureAwait(false);
            return null;
        }

        ReasoningEffort? effort = ReasoningEfforts.TryParse(job.Effort, out var parsed) ? parsed : null;
        var clock = Stopwatch.StartNew();
        PlanningResult result;
        try
        {
            var loop = models.Create(settings);
            loop.Progress = sink;
            result = await loop.RunAsync(session, job.Instruction!, sources, effort, cancellationToken).ConfigureAwait(false);
        }
        catch (PlanningException ex) when (ex.InnerException is ModelRequestException { Status: 0 or 408 or 429 or >= 500 })
        {
            throw new TransientJobException(ex.Message, ex);
        }
        catch (PlanningException ex)
        {
            await FailAsync(job.Id, new(ex.Reason, ex.Message), cancellationToken, JobUsage.From(ex.Usage, clock.Elapsed)).ConfigureAwait(false);
            return null;
        }

        var plan = new PlanSerializer(JobDocuments.Catalog).Write(result.Plan);
        var usage = JobUsage.From(result.Usage, clock.Elapsed);
        JobTelemetry.RecordModelUsage(usage);
        activity?.SetTag("model.name", settings.Model);
        activity?.SetTag("model.steps", result.Steps);
        activity?.SetTag("plan.operations", result.Plan.Operations.Count);
        var count = result.Plan.Operations.Count;
        if (job.Mode == "preview")
        {
            // The model's working copy is discarded: what the user approves is applied to the original.
            await FinishAsync(job.Id, j => j with
            {
                Status = JobStatus.AwaitingApproval,
                Plan = plan,
                Usage = usage,
                Preview = new JobPreview(result.Changes, JobVerification.From(result.Verification)),
                Changes = [],
                Verification = null,
                Progress = new(JobStatus.AwaitingApproval, count, count, $"{count} operation(s) planned; approve all or some of them"),
            }, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await Set(job.Id, j => j with { Status = JobStatus.Applying, Plan = plan, Usage = usage }, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(JobRecord job, JobProgressSink sink, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity("job.apply");
        var read = new PlanSerializer(JobDocuments.Catalog).Read(job.Plan ?? "");
        if (!read.Succeeded)
        {
            await FailAsync(job.Id, new("invalid_plan", "The stored plan is not valid.", read.Errors), cancellationToken).ConfigureAwait(false);
            return;
        }

        var plan = read.Plan!;
        if (job.Approved is { } approved)
        {
            plan = plan with { Operations = [.. approved.Order().Select(i => plan.Operations[i])] };
        }

        var total = plan.Operations.Count;
        var clock = Stopwatch.StartNew();
        sink.Clear();
        job = await Set(job.Id, j => j with { Status = JobStatus.Applying, Progress = new(JobStatus.Applying, 0, total, null) }, cancellationToken).ConfigureAwait(false);
        using var session = await documents.OpenAsync(job, cancellationToken).ConfigureAwait(false);
        var applied = PlanRunner.Apply(session, plan, sink, cancellationToken);
        if (!applied.Succeeded)
        {
            var first = applied.Errors[0];
            if (job is { Kind: JobKind.Model, Mode: "preview" })
            {
                await RefuseApprovalAsync(job, plan, applied.Errors, cancellationToken).ConfigureAwait(false);
                return;
            }

            await FailAsync(job.Id, new("plan_failed", $"The plan could not be applied; nothing was written. {first.Path}: {first.Message}", applied.Errors), cancellationToken).ConfigureAwait(false);
            return;
        }

        await Set(job.Id, j => j with { Status = JobStatus.Verifying, Progress = new(JobStatus.Verifying, total, total, "Recalculating and validating") }, cancellationToken).ConfigureAwait(false);
        var report = await session.VerifyAsync(cancellationToken).ConfigureAwait(false);
        using var output = new MemoryStream();
        session.Save(output);
        await files.WriteAsync(job.Id, "result", output.GetBuffer().AsMemory(0, (int)output.Length), cancellationToken).ConfigureAwait(false);

        // The status is written last: a crash before this line re-runs the job, which writes the same result again.
        await FinishAsync(job.Id, j => j with
        {
            Status = JobStatus.Succeeded,
            Changes = applied.Changes,
            Verification = JobVerification.From(report),
            Usage = (j.Usage ?? JobUsage.None) with { DurationMs = (j.Usage?.DurationMs ?? 0) + (long)clock.Elapsed.TotalMilliseconds },
            Progress = new(JobStatus.Succeeded, total, total, report.HasErrors ? "Applied; verification found errors" : "Applied and verified"),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An approval whose operations did not validate against the document: nothing was written, so
    /// the job waits for another approval (a subset that can apply) with the reason in its error,
    /// instead of failing and making the model plan again. Errors point into the approved
    /// operations; their paths are given back as indexes into the whole plan.
    /// </summary>
    private async Task RefuseApprovalAsync(JobRecord job, Plan applied, IReadOnlyList<OperationError> errors, CancellationToken cancellationToken)
    {
        var indexes = job.Approved is { } approved ? approved.Order().ToList() : [.. Enumerable.Range(0, applied.Operations.Count)];
        string PlanIndex(System.Text.RegularExpressions.Match m) =>
            int.TryParse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < indexes.Count ? $"$.operations[{indexes[n]}]" : m.Value;
        var mapped = errors.Select(e => e with { Path = OperationPosition().Replace(e.Path, PlanIndex, 1) }).ToList();
        var first = mapped[0];
        var message = $"The approved operations could not be applied; nothing was written and the job awaits another approval. {first.Path}: {first.Message}";
        log.LogInformation("Job {JobId}: approval refused: {Message}", job.Id, message);
        var refused = new JobError("approval_refused", message, mapped);
        var updated = await Set(job.Id, j => j.Status != JobStatus.Applying || j.CancelRequested ? j : j with
        {
            Status = JobStatus.AwaitingApproval,
            Approved = null,
            Changes = [],
            Verification = null,
            Error = refused,
            Progress = new(JobStatus.AwaitingApproval, 0, applied.Operations.Count, "Approval refused; approve another selection or cancel"),
        }, cancellationToken).ConfigureAwait(false);
        if (updated.Status == JobStatus.Applying)
        {
            // Cancelled while applying: the cancel wins; nothing was written either way.
            await FinishAsync(job.Id, j => j with { Status = JobStatus.Cancelled, Changes = [], Verification = null }, cancellationToken).ConfigureAwait(false);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$\.operations\[(\d+)\]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OperationPosition();

    /// <summary>A verify job: the host's verification of the document as uploaded; the result is the document as verification saved it.</summary>
    private async Task VerifyAsync(JobRecord job, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity("job.verify");
        var clock = Stopwatch.StartNew();
        var message = job.Host == "excel" ? "Recalculating (ClosedXML, then LibreOffice) and validating" : "Validating";
        job = await Set(job.Id, j => j with { Status = JobStatus.Verifying, Progress = new(JobStatus.Verifying, 0, 1, message) }, cancellationToken).ConfigureAwait(false);
        using var session = await documents.OpenAsync(job, cancellationToken).ConfigureAwait(false);
        var report = await session.VerifyAsync(cancellationToken).ConfigureAwait(false);
        using var output = new MemoryStream();
        session.Save(output);
        await files.WriteAsync(job.Id, "result", output.GetBuffer().AsMemory(0, (int)output.Length), cancellationToken).ConfigureAwait(false);
        var errors = report.Findings.Count(f => f.Severity == FindingSeverity.Error);
        await FinishAsync(job.Id, j => j with
        {
            Status = JobStatus.Succeeded,
            Verification = JobVerification.From(report),
            ResultFile = JobFiles.Derived(j, "-verified"),
            Usage = JobUsage.None with { DurationMs = (long)clock.Elapsed.TotalMilliseconds },
            Progress = new(JobStatus.Succeeded, 1, 1, errors > 0 ? $"Verified; {errors} error(s) found" : "Verified; no errors"),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A render job: the stored document converted to PDF or PNG pages; the result is written only when every page rendered.</summary>
    private async Task RenderAsync(JobRecord job, JobProgressSink sink, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity("job.render");
        var clock = Stopwatch.StartNew();
        var request = job.Render ?? throw new InvalidOperationException($"Render job '{job.Id}' has no render settings.");
        job = await Set(job.Id, j => j with { Status = JobStatus.Rendering, Progress = new(JobStatus.Rendering, 0, 0, "Converting with LibreOffice") }, cancellationToken).ConfigureAwait(false);
        var document = await files.ReadAsync(job.Id, "original", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The document of job '{job.Id}' is missing from the file store (expired or deleted).");
        var extension = documents.Inspect(document).Extension;
        var rendered = await renderer.RenderAsync(document, extension, Path.GetFileNameWithoutExtension(job.FileName ?? "document"), request, sink, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("render.pages", rendered.Pages);
        await files.WriteAsync(job.Id, "result", rendered.Content, cancellationToken).ConfigureAwait(false);

        // The status is written last, as for the other kinds: a re-run renders and writes the same result again.
        await FinishAsync(job.Id, j => j with
        {
            Status = JobStatus.Succeeded,
            ResultFile = new JobFile(rendered.FileName, rendered.ContentType),
            Usage = JobUsage.None with { DurationMs = (long)clock.Elapsed.TotalMilliseconds },
            Progress = new(JobStatus.Succeeded, rendered.Pages, rendered.Pages,
                $"Rendered {rendered.Pages} of {rendered.PageCount} page(s) as {(request.Format == RenderRequest.Png ? "PNG" : "PDF")}"),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A batch job: one document per record into one zip with <c>summary.json</c>. Records that fail
    /// are reported and the job still succeeds; only when every record failed does the job fail,
    /// with the first record's error.
    /// </summary>
    private async Task BatchAsync(JobRecord job, JobProgressSink sink, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity("job.batch");
        var clock = Stopwatch.StartNew();
        var total = job.Batch?.Records ?? 0;
        job = await Set(job.Id, j => j with { Status = JobStatus.Generating, Progress = new(JobStatus.Generating, 0, total, $"Generating {total} document(s)") }, cancellationToken).ConfigureAwait(false);
        var summary = await reports.RunAsync(job, sink, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("batch.records", summary.Records.Count);
        activity?.SetTag("batch.failed", summary.Failed);
        var counts = BatchSummary.From(summary);
        var usage = JobUsage.None with { DurationMs = (long)clock.Elapsed.TotalMilliseconds };
        if (summary.Written == 0)
        {
            var first = summary.Records[0];
            await FinishAsync(job.Id, j => j with
            {
                Status = JobStatus.Failed,
                BatchSummary = counts,
                Usage = usage,
                Error = new("records_failed", $"Every record failed; nothing was written. Record {first.Record}: {ReportSummaryJson.FirstError(first)}", first.Errors),
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The zip is stored; the status is written last, so a re-run before this line builds and stores it again.
        var message = $"Wrote {summary.Written} of {summary.Records.Count} document(s)"
            + (summary.WithVerificationErrors > 0 ? $"; {summary.WithVerificationErrors} with verification errors" : "")
            + (summary.Failed > 0 ? $"; {summary.Failed} record(s) failed" : "");
        await FinishAsync(job.Id, j => j with
        {
            Status = JobStatus.Succeeded,
            BatchSummary = counts,
            ResultFile = ReportBatchJob.ResultFile(j),
            Usage = usage,
            Progress = new(JobStatus.Succeeded, summary.Records.Count, summary.Records.Count, message),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls the store for a cancel request and writes the latest progress, until stopped.</summary>
    private async Task WatchAsync(string jobId, JobProgressSink sink, CancellationTokenSource cancel, CancellationToken stop)
    {
        PlanProgress? written = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, stop).ConfigureAwait(false);
                var latest = sink.Latest;
                JobRecord? job;
                if (latest is not null && latest != written)
                {
                    written = latest;
                    job = await jobs.UpdateAsync(jobId, j => j.Status is JobStatus.Applying or JobStatus.Planning or JobStatus.Rendering or JobStatus.Generating
                        ? j with { Progress = new(j.Status, latest.Done, latest.Total, latest.Current) }
                        : j, stop).ConfigureAwait(false);
                }
                else
                {
                    job = await jobs.GetAsync(jobId, stop).ConfigureAwait(false);
                }

                if (job?.CancelRequested == true)
                {
                    await cancel.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                log.LogWarning(ex, "Watching job {JobId} failed; trying again", jobId);
            }
        }
    }

    private async Task<JobRecord> Set(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken) =>
        await jobs.UpdateAsync(id, change, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Job '{id}' was deleted while it ran.");

    private async Task<JobRecord?> FinishAsync(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        var finishedNow = false;
        var job = await jobs.UpdateAsync(id, j =>
        {
            finishedNow = !JobStatus.IsTerminal(j.Status);
            return finishedNow ? change(j) : j;
        }, cancellationToken).ConfigureAwait(false);
        if (finishedNow && job is not null && JobStatus.IsTerminal(job.Status))
        {
            JobTelemetry.RecordFinished(job);
        }

        return job;
    }

    private Task<JobRecord?> FailAsync(string id, JobError error, CancellationToken cancellationToken, JobUsage? usage = null)
    {
        log.LogInformation("Job {JobId} failed: {Code} {Message}", id, error.Code, error.Message);
        return FinishAsync(id, j => j with { Status = JobStatus.Failed, Error = error, Usage = usage ?? j.Usage }, cancellationToken);
    }
}
