using Officina.Service.Storage;

namespace Officina.Service.Jobs;

/// <summary>
/// A recurring report batch (<c>POST /schedules</c>): whose it is, when it runs (a 5-field cron
/// expression in an IANA time zone), what each run is asked (the template's name and host and the
/// batch settings; the template, data and plan template are stored under the schedule's id in the
/// file store, slots <c>original</c>, <c>data</c>, <c>plan_template</c>) and the newest jobs its runs made.
/// </summary>
public sealed record ScheduleRecord : IStoredRecord
{
    /// <summary>How many of the newest run jobs a schedule remembers.</summary>
    public const int KeptRuns = 5;

    public required string Id { get; init; }

    public required string Tenant { get; init; }

    public string? Name { get; init; }

    public required string Cron { get; init; }

    public required string TimeZone { get; init; }

    public required string Host { get; init; }

    /// <summary>The template's name as uploaded (display only, never a path).</summary>
    public required string FileName { get; init; }

    public required BatchRequest Batch { get; init; }

    /// <summary>Job ids of the newest runs, newest first, at most <see cref="KeptRuns"/>.</summary>
    public IReadOnlyList<string> LastRuns { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The schedule with <paramref name="jobId"/> as its newest run.</summary>
    public ScheduleRecord WithRun(string jobId) => this with { LastRuns = [jobId, .. LastRuns.Where(r => r != jobId).Take(KeptRuns - 1)] };
}
