using Npgsql;
using Officina.Service.Storage;

namespace Officina.Service.Workers;

/// <summary>
/// What the supervisor and a worker process agree on: the command-line switch, exit codes,
/// message types and how a store fault crosses the process boundary (as a kind the worker turns
/// back into the exception the job runner already handles).
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>The service's entry point runs one job and exits when its first argument is this.</summary>
    public const string Switch = "--officina-worker";

    /// <summary>The job ended in the store (succeeded, failed, cancelled, awaiting approval) or had nothing to do.</summary>
    public const int Done = 0;

    /// <summary>A transient fault (model 429/5xx, storage): the supervisor hands it back to Hangfire for a retry.</summary>
    public const int Transient = 75;

    /// <summary>The worker itself failed before or around the job (bad setup): the job fails as internal.</summary>
    public const int Broken = 70;

    /// <summary>The supervisor closed the worker's input (it stopped or was killed).</summary>
    public const int SupervisorGone = 71;

    // Requests (worker → supervisor) and notices.
    public const string Get = "get";
    public const string Replace = "replace";
    public const string Read = "read";
    public const string Write = "write";
    public const string Span = "span";

    // Fault kinds in replies.
    private const string DiskFull = "disk_full";
    private const string TransientFault = "transient";
    private const string Failed = "failed";

    /// <summary>The kind a store exception crosses as.</summary>
    public static string FaultKind(Exception exception) =>
        StorageFaults.IsDiskFull(exception) ? DiskFull
        : exception is NpgsqlException or TimeoutException ? TransientFault
        : Failed;

    /// <summary>The exception a worker throws for a fault kind, one the job runner maps as it would the store's own.</summary>
    public static Exception Fault(string kind, string message) => kind switch
    {
        DiskFull => new IOException(message, 28),
        TransientFault => new TimeoutException(message),
        _ => new InvalidOperationException(message),
    };
}
