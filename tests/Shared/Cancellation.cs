using Officina.Operations;

namespace Officina.Testing;

/// <summary>
/// Cancels long work from another thread once it is under way, the way a job's cancel request
/// arrives: the work runs on the thread pool, the token is cancelled a short while after the
/// work reported that it started, and the test gets what the work threw. A generous safety
/// limit only keeps a cancellation that is never heard from hanging the test run; nothing is
/// asserted about how long anything took.
/// </summary>
internal static class Cancellation
{
    public static readonly TimeSpan SafetyLimit = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Applies a one-operation plan through <see cref="PlanRunner"/> and cancels
    /// <paramref name="after"/> once the operation has begun (past the runner's own check before
    /// it), so only a check inside the operation can stop it. Returns what the run threw.
    /// </summary>
    public static Task<Exception?> WhileApplyingAsync(IDocumentSession session, Operation operation, TimeSpan after, bool trackChanges = false)
    {
        var plan = new Plan(session.Host, "a long operation", trackChanges, [operation]);
        return WhileRunningAsync((started, token) => PlanRunner.Apply(session, plan, new Started(started), token), after);
    }

    /// <summary>Runs <paramref name="work"/> (which calls the action it is given when under way) and cancels <paramref name="after"/> that; returns what it threw.</summary>
    public static async Task<Exception?> WhileRunningAsync(Action<Action, CancellationToken> work, TimeSpan after)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Run(() => work(() => started.TrySetResult(), cancel.Token));
        await Task.WhenAny(started.Task, run).WaitAsync(SafetyLimit);
        Assert.True(started.Task.IsCompleted, "The work ended before it reported that it started: " + run.Exception?.InnerException?.Message);
        await Task.Delay(after);
        await cancel.CancelAsync();
        return await Record.ExceptionAsync(() => run.WaitAsync(SafetyLimit));
    }

    /// <summary>Signals when the plan's (first) operation begins.</summary>
    private sealed class Started(Action started) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value)
        {
            if (value.Current is not null)
            {
                started();
            }
        }
    }
}
