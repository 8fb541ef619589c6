using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Officina.Service.Jobs;

namespace Officina.Service.Tests;

/// <summary>Jobs emit traces and metrics under <see cref="JobTelemetry.Name"/>.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly ServiceApp _app = new();

    [Fact]
    public async Task Job_EmitsRunAndApplyActivities_AndAFinishedCount()
    {
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == JobTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var finished = new ConcurrentBag<(long Value, string? Status)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JobTelemetry.Name && instrument.Name == "officina.jobs.finished")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            finished.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "status").Value as string)));
        meters.Start();
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id);

        // job.run ends after the status is written: once its worker process has exited and the service recorded the end.
        for (var i = 0; i < 300 && !activities.Any(a => a.OperationName == "job.run" && (string?)a.GetTagItem("job.id") == id); i++)
        {
            await Task.Delay(100);
        }

        var run = Assert.Single(activities, a => a.OperationName == "job.run" && (string?)a.GetTagItem("job.id") == id);
        Assert.Equal("succeeded", run.GetTagItem("job.status"));
        Assert.Contains(activities, a => a.OperationName == "job.apply" && a.ParentSpanId == run.SpanId);
        Assert.Contains((1L, "succeeded"), finished);
    }

    public void Dispose() => _app.Dispose();
}
