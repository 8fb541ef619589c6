using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Officina.Service.Jobs;

/// <summary>
/// Traces and metrics of jobs and model calls, under the name <c>Officina.Service</c>:
/// activities <c>job.run</c>, <c>job.plan</c>, <c>job.apply</c>; counters
/// <c>officina.jobs.finished</c> (tags kind, status) and <c>officina.model.tokens</c> (tag
/// direction); histogram <c>officina.jobs.duration</c> (ms). Exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class JobTelemetry
{
    public const string Name = "Officina.Service";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Finished = Meter.CreateCounter<long>("officina.jobs.finished", description: "Jobs that reached a final status");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("officina.jobs.duration", "ms", "Time from a job's creation to its final status");
    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>("officina.model.tokens", description: "Model tokens used by jobs");

    public static void RecordFinished(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var tags = new TagList { { "kind", job.Kind }, { "status", job.Status } };
        Finished.Add(1, tags);
        Duration.Record((job.UpdatedAt - job.CreatedAt).TotalMilliseconds, tags);
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.Source == Source && activity.OperationName == "job.run")
            {
                activity.SetTag("job.status", job.Status);
            }
        }
    }

    public static void RecordModelUsage(JobUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        Tokens.Add(usage.InputTokens, new KeyValuePair<string, object?>("direction", "input"));
        Tokens.Add(usage.OutputTokens, new KeyValuePair<string, object?>("direction", "output"));
    }
}
