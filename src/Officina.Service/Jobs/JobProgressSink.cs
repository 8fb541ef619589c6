using Officina.Operations;

namespace Officina.Service.Jobs;

/// <summary>
/// Collects plan progress from the (synchronous) plan runner; the job's watcher writes the
/// latest value to the store a few times a second. Optionally pauses after each operation
/// (<c>Officina:StepDelayMilliseconds</c>, for demos and crash tests).
/// </summary>
public sealed class JobProgressSink(TimeSpan stepDelay, CancellationToken cancellationToken) : IProgress<PlanProgress>
{
    private PlanProgress? _latest;

    public PlanProgress? Latest => Volatile.Read(ref _latest);

    /// <summary>Forgets the last value, so progress from planning is not shown as progress of applying.</summary>
    public void Clear() => Volatile.Write(ref _latest, null);

    public void Report(PlanProgress value)
    {
        if (value is null)
        {
            return;
        }

        if (stepDelay > TimeSpan.Zero && value.Done > 0)
        {
            cancellationToken.WaitHandle.WaitOne(stepDelay);
        }

        Volatile.Write(ref _latest, value);
    }
}
