using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Service.Jobs;

namespace Officina.Service.Workers;

/// <summary>
/// The job's spans cross from the worker process to the service: the worker sends each finished
/// span of <see cref="JobTelemetry.Source"/> (name, start, duration, tags), and the supervisor
/// records it again under the job's <c>job.run</c> span, so traces look as if the work ran in the
/// service (which exports them; a worker exports nothing itself).
/// </summary>
internal static class WorkerSpans
{
    /// <summary>Worker side: sends each span that stops; dispose (then await <see cref="Forwarder.FlushAsync"/>) before exiting.</summary>
    public static Forwarder Forward(WorkerChannel channel) => new(channel);

    /// <summary>Supervisor side: records a span the worker sent as a child of <paramref name="run"/>.</summary>
    public static void Replay(JsonObject span, ActivityContext run)
    {
        if (span["name"]?.GetValue<string>() is not { } name
            || !DateTime.TryParse(span["start"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            return;
        }

        var tags = new List<KeyValuePair<string, object?>>();
        if (span["tags"] is JsonObject given)
        {
            foreach (var (key, value) in given)
            {
                tags.Add(new(key, Value(value)));
            }
        }

        using var activity = JobTelemetry.Source.StartActivity(name, ActivityKind.Internal, run, tags, startTime: start);
        activity?.SetEndTime(start + TimeSpan.FromMilliseconds(span["ms"]?.GetValue<double>() ?? 0));
    }

    private static object? Value(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>(),
            _ => null,
        }
        : null;

    internal sealed class Forwarder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentBag<Task> _sent = [];

        public Forwarder(WorkerChannel channel)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == JobTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    var tags = new JsonObject();
                    foreach (var (key, value) in a.TagObjects)
                    {
                        tags[key] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType());
                    }

                    _sent.Add(channel.NotifyAsync(new JsonObject
                    {
                        ["t"] = WorkerProtocol.Span,
                        ["name"] = a.OperationName,
                        ["start"] = a.StartTimeUtc.ToString("O", CultureInfo.InvariantCulture),
                        ["ms"] = a.Duration.TotalMilliseconds,
                        ["tags"] = tags,
                    }));
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Task FlushAsync() => Task.WhenAll(_sent);

        public void Dispose() => _listener.Dispose();
    }
}
