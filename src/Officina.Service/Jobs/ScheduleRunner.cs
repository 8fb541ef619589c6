using Hangfire;
using Officina.Service.Storage;

namespace Officina.Service.Jobs;

/// <summary>
/// One run of a schedule: copies the schedule's stored inputs (template, data, plan template) to a
/// new <c>batch</c> job of the schedule's tenant, records the job as the schedule's newest run and
/// enqueues it. Each run is a normal job with its own result. Hangfire calls <see cref="RunAsync"/>
/// when the schedule's cron fires; <c>POST /schedules/{id}/run</c> calls <see cref="RunNowAsync"/>.
/// </summary>
public sealed class ScheduleRunner(IScheduleStore schedules, IJobStore jobs, IFileStore files, IBackgroundJobClient background, TimeProvider time, ILogger<ScheduleRunner> log)
{
    private static readonly string[] Slots = ["original", BatchRequest.DataSlot, BatchRequest.PlanTemplateSlot];

    /// <summary>The recurring run; returns the new job's id, or null when the schedule was deleted meanwhile.</summary>
    public async Task<string?> RunAsync(string scheduleId, CancellationToken cancellationToken)
    {
        if (await schedules.GetAsync(scheduleId, cancellationToken).ConfigureAwait(false) is not { } schedule)
        {
            log.LogInformation("Schedule {Schedule} no longer exists; its recurring run made no job", scheduleId);
            return null;
        }

        var job = await RunNowAsync(schedule, StoreIds.NewJobId(), cancellationToken).ConfigureAwait(false);
        return job?.Id;
    }

    /// <summary>Creates and enqueues the batch job <paramref name="jobId"/>; null when the schedule's inputs are gone (it was deleted meanwhile).</summary>
    public async Task<JobRecord?> RunNowAsync(ScheduleRecord schedule, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        StoreIds.Require(jobId, "job id");
        var inputs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var slot in Slots)
        {
            if (await files.ReadAsync(schedule.Id, slot, cancellationToken).ConfigureAwait(false) is { } content)
            {
                inputs[slot] = content;
            }
        }

        if (!inputs.ContainsKey("original") || !inputs.ContainsKey(BatchRequest.DataSlot))
        {
            log.LogWarning("Schedule {Schedule} has no stored template or data (deleted meanwhile); no job was made", schedule.Id);
            return null;
        }

        foreach (var (slot, content) in inputs)
        {
            await files.WriteAsync(jobId, slot, content, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var job = new JobRecord
        {
            Id = jobId,
            Tenant = schedule.Tenant,
            Kind = JobKind.Batch,
            Host = schedule.Host,
            Batch = schedule.Batch,
            FileName = schedule.FileName,
            HasOriginal = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await jobs.CreateAsync(job, cancellationToken).ConfigureAwait(false);
        await schedules.UpdateAsync(schedule.Id, s => s.WithRun(jobId), cancellationToken).ConfigureAwait(false);
        background.Enqueue<JobRunner>(r => r.RunAsync(jobId, null, CancellationToken.None));
        log.LogInformation("Schedule {Schedule} made batch job {Job}", schedule.Id, jobId);
        return job;
    }
}
