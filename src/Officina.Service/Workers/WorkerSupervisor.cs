using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Workers;

/// <summary>How a worker process ended, as the job runner needs to know it.</summary>
public enum WorkerEnd
{
    /// <summary>It ran the job to a stored status (or found nothing to do).</summary>
    Completed,

    /// <summary>A transient fault: the attempt is handed back to Hangfire for a retry.</summary>
    Transient,

    /// <summary>A cancel was asked and the worker did not end by itself in time: it was stopped.</summary>
    Cancelled,

    /// <summary>Past <c>Officina:JobTimeoutSeconds</c>: it was stopped.</summary>
    TimedOut,

    /// <summary>Past <c>Officina:JobMemoryMegabytes</c>: it was stopped.</summary>
    OutOfMemory,

    /// <summary>It died: a stack overflow, a fatal runtime error, a signal from outside.</summary>
    Crashed,
}

/// <param name="Detail">What a user reads about why (empty when it completed).</param>
public sealed record WorkerResult(WorkerEnd End, string Detail);

/// <summary>
/// Runs one job's work in a child process of the service (<c>dotnet Officina.Service.dll
/// --officina-worker JOB</c>), so that a stack overflow, an out-of-memory or a fatal runtime error
/// kills that process only. The supervisor owns the stores: it answers the worker's reads and
/// writes of its job's record and files (see <see cref="WorkerJobStore"/>), passes on its finished
/// spans, and stops it when the job is cancelled, runs past its time or uses more memory than its
/// budget. The worker gets the service's settings on its input, never on its command line.
/// </summary>
public sealed class WorkerSupervisor(IJobStore jobs, IFileStore files, IConfiguration configuration, IOptions<OfficinaOptions> options, ILogger<WorkerSupervisor> log)
{
    /// <summary>Time a worker gets after its job's time is up (it fails the job itself first) or after a cancel, before it is stopped.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private static readonly string[] ModelKeys =
    [
        "OPENAI_API_KEY", "OPENAI_BASE_URL", "OFFICINA_MODEL", "OFFICINA_API_STYLE", "OFFICINA_EFFORT",
        "OFFICINA_TOOL_LOADING", "OFFICINA_PRICES", "OFFICINA_TIMEOUT_SECONDS", "OFFICINA_MAX_RETRIES",
    ];

    /// <summary>Runs the job's work in a new worker process and waits for it; <paramref name="run"/> is the span the worker's spans go under.</summary>
    public async Task<WorkerResult> RunAsync(string jobId, int retry, ActivityContext run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Directory.CreateTempSubdirectory("officina-worker-");
        try
        {
            using var process = Start(jobId, settings);
            var tail = new StderrTail(log, process.Id);
            process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
            process.BeginErrorReadLine();
            log.LogDebug("Job {JobId}: worker process {Pid} started", jobId, process.Id);
            var setup = new JsonObject
            {
                ["job"] = jobId,
                ["retry"] = retry,
                ["folder"] = folder.FullName,
                ["settings"] = Settings(),
            };
            var serving = ServeAsync(process, jobId, folder.FullName, run);
            try
            {
                await process.StandardInput.WriteLineAsync(setup.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
                await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // It died before reading its setup; its exit code says why.
            }

            var stopped = await SuperviseAsync(process, jobId, settings, cancellationToken).ConfigureAwait(false);

            // Its pipes end with it, unless something it started kept them open: then stop waiting for them.
            using (var drained = new CancellationTokenSource(Grace))
            {
                try
                {
                    await Task.WhenAll(serving, process.WaitForExitAsync(drained.Token)).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (drained.IsCancellationRequested)
                {
                    log.LogWarning("Job {JobId}: worker process {Pid} exited but its output stayed open", jobId, process.Id);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            return stopped ?? Ended(process.ExitCode, tail.Text);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Its files are deleted as they are passed; what is left goes with the OS's temporary files.
            }
        }
    }

    /// <summary>Where the worker is started from: this assembly, run by the same <c>dotnet</c> host.</summary>
    private static Process Start(string jobId, OfficinaOptions settings)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(typeof(WorkerSupervisor).Assembly.Location);
        start.ArgumentList.Add(WorkerProtocol.Switch);
        start.ArgumentList.Add(jobId);

        // One job per process: the workstation GC, and a managed heap that ends in an OutOfMemoryException
        // (failing the job with its code) rather than growing until the supervisor has to stop it.
        start.Environment["DOTNET_gcServer"] = "0";
        if (settings.JobMemoryMegabytes > 0)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = (settings.JobMemoryMegabytes * 1024L * 1024L).ToString("X", CultureInfo.InvariantCulture);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The worker process did not start.");
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? path
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";

    /// <summary>Waits for the worker to exit; stops it (and what it started, LibreOffice say) when the job is cancelled, out of time or memory.</summary>
    private async Task<WorkerResult?> SuperviseAsync(Process process, string jobId, OfficinaOptions settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var timeout = settings.JobTimeoutSeconds > 0 ? TimeSpan.FromSeconds(settings.JobTimeoutSeconds) + Grace : Timeout.InfiniteTimeSpan;
        var budget = settings.JobMemoryMegabytes * 1024L * 1024L;
        var lastCancelCheck = TimeSpan.Zero;
        TimeSpan? cancelSeen = null;
        long peak = 0;
        while (!process.HasExited)
        {
            WorkerResult? stop = null;
            if (cancellationToken.IsCancellationRequested)
            {
                stop = new(WorkerEnd.Cancelled, "The service is stopping.");
            }
            else if (timeout != Timeout.InfiniteTimeSpan && clock.Elapsed > timeout)
            {
                stop = new(WorkerEnd.TimedOut, string.Create(CultureInfo.InvariantCulture,
                    $"The job ran longer than its time limit of {settings.JobTimeoutSeconds:0.#} s (Officina:JobTimeoutSeconds) and was stopped; nothing was written."));
            }
            else if (budget > 0 && Resident(process) is var resident && (peak = Math.Max(peak, resident)) > budget)
            {
                stop = new(WorkerEnd.OutOfMemory, string.Create(CultureInfo.InvariantCulture,
                    $"The job needed more than its memory limit of {settings.JobMemoryMegabytes} MB (Officina:JobMemoryMegabytes; it reached {peak / (1024 * 1024)} MB) and was stopped; nothing was written."));
            }
            else if (clock.Elapsed - lastCancelCheck >= TimeSpan.FromSeconds(1))
            {
                lastCancelCheck = clock.Elapsed;
                var (read, job) = await ReadAsync(jobId, cancellationToken).ConfigureAwait(false);
                if (read && (job is null || job.Status == JobStatus.Cancelled))
                {
                    // Deleted, or cancelled by the API before the work began: nothing the worker does now is kept.
                    stop = new(WorkerEnd.Cancelled, "Cancelled; the work was stopped.");
                }
                else if (job?.CancelRequested == true)
                {
                    cancelSeen ??= clock.Elapsed;
                }

                if (cancelSeen is { } seen && clock.Elapsed - seen > Grace)
                {
                    stop = new(WorkerEnd.Cancelled, "Cancelled; the work did not stop by itself and was stopped.");
                }
            }

            if (stop is not null)
            {
                Kill(process);
                log.LogWarning("Job {JobId}: worker process {Pid} stopped: {Reason}", jobId, process.Id, stop.Detail);
                return stop;
            }

            try
            {
                await process.WaitForExitAsync(cancellationToken).WaitAsync(Tick, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // Look again.
            }
        }

        return null;
    }

    /// <summary>The job as stored, and whether it could be read (a store that is down for a moment is asked again later; the worker's own watcher sees a cancel too).</summary>
    private async Task<(bool Read, JobRecord? Job)> ReadAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogDebug(ex, "Job {JobId}: reading its record failed", jobId);
            return (false, null);
        }
    }

    private static long Resident(Process process)
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>What an exit code means: 0 and 75 are the worker's own; anything else is a death.</summary>
    private static WorkerResult Ended(int exitCode, string stderr) => exitCode switch
    {
        WorkerProtocol.Done => new(WorkerEnd.Completed, ""),
        WorkerProtocol.Transient => new(WorkerEnd.Transient, LastLine(stderr) ?? "A transient fault; retrying."),
        _ when stderr.Contains("OutOfMemory", StringComparison.Ordinal) || stderr.Contains("Out of memory", StringComparison.OrdinalIgnoreCase) =>
            new(WorkerEnd.OutOfMemory, "The job ran out of memory (Officina:JobMemoryMegabytes) and its worker process ended; nothing was written."),
        _ => new(WorkerEnd.Crashed, string.Create(CultureInfo.InvariantCulture,
            $"The job's work ended its worker process ({Cause(exitCode, stderr)}); nothing was written. The service and other jobs were not affected. ")
            + "The job is not retried, since it would end the same way; if the input is a valid document, report it with this job's id."),
    };

    private static string Cause(int exitCode, string stderr) =>
        stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "a stack overflow"
        : exitCode > 128 ? string.Create(CultureInfo.InvariantCulture, $"signal {exitCode - 128}{(exitCode - 128) switch
        {
            6 => ", SIGABRT: a stack overflow or another fatal runtime error",
            9 => ", SIGKILL: stopped from outside, as the system does when memory runs out",
            11 => ", SIGSEGV",
            _ => "",
        }}")
        : exitCode == WorkerProtocol.Broken ? "the worker could not run the job: " + (LastLine(stderr) ?? "no message")
        : string.Create(CultureInfo.InvariantCulture, $"exit code {exitCode}");

    private static string? LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    /// <summary>The settings a worker runs with: the <c>Officina</c> section (but API keys), the model's and logging's.</summary>
    private JsonObject Settings()
    {
        var settings = new JsonObject();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            var wanted = (key.StartsWith(OfficinaOptions.Section + ":", StringComparison.OrdinalIgnoreCase) && !key.StartsWith(OfficinaOptions.Section + ":ApiKeys", StringComparison.OrdinalIgnoreCase))
                || key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase)
                || ModelKeys.Contains(key, StringComparer.OrdinalIgnoreCase);
            if (wanted && value is not null)
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>Answers the worker's requests, one at a time, until its output ends.</summary>
    private async Task ServeAsync(Process process, string jobId, string folder, ActivityContext run)
    {
        var output = process.StandardOutput;
        var input = process.StandardInput;
        try
        {
            while (await output.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (JsonNode.Parse(line) is not JsonObject request)
                {
                    continue;
                }

                if (request["t"]?.GetValue<string>() == WorkerProtocol.Span)
                {
                    WorkerSpans.Replay(request, run);
                    continue;
                }

                var reply = await AnswerAsync(request, jobId, folder).ConfigureAwait(false);
                reply["id"] = request["id"]?.GetValue<long>();
                await input.WriteLineAsync(reply.ToJsonString()).ConfigureAwait(false);
                await input.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or JsonException or InvalidOperationException)
        {
            // The worker died or wrote something else; its exit code says what happened.
            log.LogDebug(ex, "Job {JobId}: the worker's channel ended", jobId);
        }
    }

    private async Task<JsonObject> AnswerAsync(JsonObject request, string jobId, string folder)
    {
        try
        {
            switch (request["t"]?.GetValue<string>())
            {
                case WorkerProtocol.Get:
                    return Record(await jobs.GetAsync(jobId, CancellationToken.None).ConfigureAwait(false));

                case WorkerProtocol.Replace:
                {
                    var expected = request["expected"]?.GetValue<string>();
                    var desired = JsonSerializer.Deserialize<JobRecord>(request["record"]?.GetValue<string>() ?? "null", ServiceJson.Options)
                        ?? throw new InvalidOperationException("A replace without a record.");
                    var replaced = false;
                    var updated = await jobs.UpdateAsync(jobId, j =>
                    {
                        replaced = JsonSerializer.Serialize(j, ServiceJson.Options) == expected;

                        // A worker changes its job's lifecycle and results, never whose job it is.
                        return replaced ? desired with { Id = j.Id, Tenant = j.Tenant, CreatedAt = j.CreatedAt } : j;
                    }, CancellationToken.None).ConfigureAwait(false);
                    var reply = Record(updated);
                    reply["replaced"] = replaced;
                    return reply;
                }

                case WorkerProtocol.Read:
                {
                    var content = await files.ReadAsync(jobId, request["slot"]?.GetValue<string>() ?? "", CancellationToken.None).ConfigureAwait(false);
                    if (content is null)
                    {
                        return new JsonObject { ["path"] = null };
                    }

                    var path = Path.Combine(folder, $"{Guid.NewGuid():N}.in");
                    await File.WriteAllBytesAsync(path, content).ConfigureAwait(false);
                    return new JsonObject { ["path"] = path };
                }

                case WorkerProtocol.Write:
                {
                    var path = Path.GetFullPath(request["path"]?.GetValue<string>() ?? "");
                    if (!string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("The worker named a file outside its folder.");
                    }

                    var content = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
                    await files.WriteAsync(jobId, request["slot"]?.GetValue<string>() ?? "", content, CancellationToken.None).ConfigureAwait(false);
                    return [];
                }

                default:
                    throw new InvalidOperationException($"Unknown worker request '{request["t"]}'.");
            }
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "Job {JobId}: a worker request failed", jobId);
            return new JsonObject { ["error"] = WorkerProtocol.FaultKind(ex), ["message"] = ex.Message };
        }
    }

    private static JsonObject Record(JobRecord? job) =>
        new() { ["record"] = job is null ? null : JsonSerializer.Serialize(job, ServiceJson.Options) };

    /// <summary>The worker's standard error: each line logged as the worker's, the last ones kept to say why it died.</summary>
    private sealed class StderrTail(ILogger log, int pid)
    {
        private const int Keep = 40;
        private readonly Queue<string> _lines = new();

        public string Text
        {
            get
            {
                lock (_lines)
                {
                    return string.Join('\n', _lines);
                }
            }
        }

        public void Add(string? line)
        {
            if (string.IsNullOrEmpty(line))
            {
                return;
            }

            log.LogInformation("[worker {Pid}] {Line}", pid, line);
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > Keep)
                {
                    _lines.Dequeue();
                }
            }
        }
    }
}
