using Officina.OpenXml.Packaging;

namespace Officina.Service.Configuration;

/// <summary>
/// The service's settings, bound from the <c>Officina</c> configuration section
/// (<c>appsettings.json</c>, or environment variables such as <c>Officina__Storage=postgres</c>).
/// </summary>
public sealed class OfficinaOptions
{
    public const string Section = "Officina";

    /// <summary>Where the service listens unless <c>ASPNETCORE_URLS</c>/<c>--urls</c> says otherwise.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5170";

    /// <summary><c>local</c> (Hangfire.InMemory and files under <see cref="DataPath"/>) or <c>postgres</c>.</summary>
    public string Storage { get; set; } = "local";

    /// <summary>Folder for job records and files in local storage (relative to the current directory); default: the user's local data folder, <c>~/.local/share/officina</c> on Linux.</summary>
    public string DataPath { get; set; } = "";

    /// <summary><see cref="DataPath"/> as a full path.</summary>
    public string DataFolder => Path.GetFullPath(DataPath.Length > 0
        ? DataPath
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "officina"));

    /// <summary>PostgreSQL connection string when <see cref="Storage"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Largest request body (file plus sources) accepted, in bytes; default 50 MB.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// The decompressed bytes a document (the job's file, a template, an Office source) may load,
    /// every part counted as it is read whatever its compression ratio; default 256 MB. Past it the
    /// upload is a 400 and a job fails, both with <c>decompressed_too_large</c>.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = PackageLimits.DefaultMaxDecompressedBytes;

    /// <summary>How long jobs, their results and originals are kept after they were created.</summary>
    public double RetentionHours { get; set; } = 24 * 7;

    /// <summary>API keys, each scoped to a tenant and stored as a SHA-256 hash.</summary>
    public IList<ApiKeyEntry> ApiKeys { get; } = [];

    /// <summary>Requests per minute per API key (fixed window).</summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>
    /// Failed authentications (wrong API keys, wrong dashboard passwords) a client IP may make within
    /// <see cref="AuthFailureWindowSeconds"/>; after that its requests with credentials get 429. 0 turns the throttle off.
    /// </summary>
    public int AuthFailureLimit { get; set; } = 10;

    /// <summary>The window of <see cref="AuthFailureLimit"/>, in seconds, counted from a client's first failure.</summary>
    public double AuthFailureWindowSeconds { get; set; } = 300;

    /// <summary>Whether this process runs jobs (a Hangfire server); false for API-only instances.</summary>
    public bool Worker { get; set; } = true;

    /// <summary>Hangfire workers in this process; jobs wait on storage and LibreOffice, so several per core.</summary>
    public int WorkerCount { get; set; } = Environment.ProcessorCount * 4;

    /// <summary>Retries of a job after a transient fault (model 429/5xx/timeouts, database hiccups).</summary>
    public int TransientRetries { get; set; } = 3;

    /// <summary>
    /// Where a job's work runs: <c>process</c> (default), a child process per job, so a stack
    /// overflow or out-of-memory fails that job only and never the service; or <c>none</c>, in the
    /// service's own process (faster to start; no memory budget).
    /// </summary>
    public string JobIsolation { get; set; } = "process";
    /// <summary>The longest a job's work may run (planning, applying, verifying, rendering, a batch) before it fails with <c>job_timeout</c>; 0 for no limit.</summary>
    public double JobTimeoutSeconds { get; set; } = 600;
    /// <summary>The most memory a job's worker process may use, in MB, before it fails with <c>memory_exceeded</c> (with <see cref="JobIsolation"/> <c>process</c>); 0 for no limit.</summary>
    public long JobMemoryMegabytes { get; set; } = 2048;
    /// <summary>Whether a job's work runs in a worker process (<see cref="JobIsolation"/>).</summary>
    public bool IsolatesJobs => JobIsolation.ToLowerInvariant() switch
    {
        "process" => true,
        "none" => false,
        var other => throw new InvalidOperationException($"Officina:JobIsolation must be 'process' or 'none'. Given: '{other}'."),
    };
    /// <summary>PostgreSQL: how long a fetched job stays invisible to other workers without a heartbeat.</summary>
    public double InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>The built add-in (<c>addin/dist</c>) served at <c>/addin/</c>; default: found above the working directory or the service's folder.</summary>
    public string? AddinPath { get; set; }

    /// <summary>A pause after each applied operation, for demos and the crash tests; 0 in production.</summary>
    public int StepDelayMilliseconds { get; set; }

    /// <summary>
    /// How long any one LibreOffice run may take — rendering (and <c>pdftoppm</c>, per page),
    /// recalculation during verification, formula values operations read — before its process
    /// tree is killed and the job fails (<c>render_timeout</c> for renders, <c>libreoffice_timeout</c> otherwise).
    /// </summary>
    public double RenderTimeoutSeconds { get; set; } = 120;

    /// <summary>MCP sessions (open working copies at <c>/mcp</c>) one tenant may hold at once.</summary>
    public int McpSessionsPerTenant { get; set; } = 8;

    /// <summary>MCP sessions the service holds at once, all tenants together.</summary>
    public int McpSessions { get; set; } = 32;

    /// <summary>Minutes an unused MCP session lives before the next opened one closes it.</summary>
    public double McpIdleMinutes { get; set; } = 30;

    /// <summary>The <c>soffice</c> program to run; default: the one on PATH, else where Debian and LibreOffice's packages put it.</summary>
    public string? LibreOfficePath { get; set; }

    /// <summary>
    /// Batch jobs: at most this many records (data with more is refused with 400). The result zip
    /// is built on disk but stored as one file, so this bounds its size (about 40 KB per invoice).
    /// </summary>
    public int MaxReportRecords { get; set; } = 2_000;

    /// <summary>Batch jobs: largest data file (CSV or JSON) accepted, in bytes; default 10 MB.</summary>
    public long MaxReportDataBytes { get; set; } = 10L * 1024 * 1024;
}

/// <summary>One API key: the tenant it belongs to, the SHA-256 of the key (hex, from <c>printf %s KEY | sha256sum</c>), and whether it may open the dashboard.</summary>
public sealed class ApiKeyEntry
{
    public string Tenant { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public bool Admin { get; set; }
}
