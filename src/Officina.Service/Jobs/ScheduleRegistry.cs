using System.Text.RegularExpressions;
using Cronos;
using Hangfire;

namespace Officina.Service.Jobs;

/// <summary>
/// A schedule's times and its Hangfire recurring job: parses the cron expression (5 fields, as
/// Hangfire's own Cronos parser reads it) and the IANA time zone, computes the next run, and adds
/// or removes the recurring job <c>officina-schedule-ID</c> that calls <see cref="ScheduleRunner.RunAsync"/>.
/// </summary>
public sealed partial class ScheduleRegistry(IRecurringJobManager recurring)
{
    public static string RecurringId(string scheduleId) => "officina-schedule-" + scheduleId;

    /// <summary>The parsed expression, or null with the reason in <paramref name="error"/>.</summary>
    public static CronExpression? ParseCron(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5 || text.Any(char.IsControl))
        {
            error = $"cron is a 5-field expression: minute hour day-of-month month day-of-week (e.g. '0 7 1 * *'). Given: '{text}' ({fields.Length} field(s)).";
            return null;
        }

        try
        {
            return CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            error = $"cron '{text}' is not a valid cron expression: {ex.Message}";
            return null;
        }
    }

    /// <summary>The time zone by IANA id (e.g. Europe/Berlin), or null when the system does not know it.</summary>
    public static TimeZoneInfo? FindTimeZone(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!ZonePattern().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>When the schedule runs next after <paramref name="now"/>, in its time zone's offset; null when the expression never fires again.</summary>
    public static DateTimeOffset? NextRun(ScheduleRecord schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ParseCron(schedule.Cron, out _) is { } cron && FindTimeZone(schedule.TimeZone) is { } zone ? cron.GetNextOccurrence(now, zone) : null;
    }

    /// <summary>Adds (or replaces) the schedule's recurring job with its cron and time zone.</summary>
    public void Register(ScheduleRecord schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var id = schedule.Id;
        var zone = FindTimeZone(schedule.TimeZone) ?? throw new InvalidOperationException($"Schedule '{id}' has an unknown time zone '{schedule.TimeZone}'.");
        recurring.AddOrUpdate<ScheduleRunner>(RecurringId(id), r => r.RunAsync(id, CancellationToken.None), schedule.Cron, new RecurringJobOptions { TimeZone = zone });
    }

    /// <summary>Removes the schedule's recurring job (nothing when there is none).</summary>
    public void Remove(string scheduleId) => recurring.RemoveIfExists(RecurringId(scheduleId));

    /// <summary>Starts the schedule's recurring job now (as Hangfire's dashboard "Trigger now" does).</summary>
    public void Trigger(string scheduleId) => recurring.Trigger(RecurringId(scheduleId));

    [GeneratedRegex("^[A-Za-z0-9_+\\-/]{1,64}$")]
    private static partial Regex ZonePattern();
}
