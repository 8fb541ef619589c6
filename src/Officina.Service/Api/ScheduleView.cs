using Officina.Service.Jobs;

namespace Officina.Service.Api;

/// <summary>A schedule as the API shows it (docs/api.md "Schedules"): its times, what each run is asked, its newest runs, links.</summary>
public sealed record ScheduleView(
    string Id,
    string? Name,
    string Cron,
    string TimeZone,
    DateTimeOffset? NextRunAt,
    string Host,
    string Template,
    BatchRequest Batch,
    IReadOnlyList<string> LastRuns,
    DateTimeOffset CreatedAt,
    ScheduleLinks Links)
{
    public static ScheduleView From(ScheduleRecord schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var self = $"{JobsApi.Prefix}/schedules/{schedule.Id}";
        return new(schedule.Id, schedule.Name, schedule.Cron, schedule.TimeZone, ScheduleRegistry.NextRun(schedule, now), schedule.Host, schedule.FileName,
            schedule.Batch, schedule.LastRuns, schedule.CreatedAt, new ScheduleLinks(self, $"{self}/run", [.. schedule.LastRuns.Select(j => $"{JobsApi.Prefix}/jobs/{j}")]));
    }
}

/// <summary>Where to find a schedule, run it now, and its newest runs' jobs.</summary>
public sealed record ScheduleLinks(string Self, string Run, IReadOnlyList<string> LastRuns);

/// <summary>A page of schedules, newest first.</summary>
public sealed record SchedulePage(IReadOnlyList<ScheduleView> Items, int Page, int PageSize, int Total);
