using System.Threading.RateLimiting;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.OpenXml.Rendering;
using Officina.Service.Api;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Officina.Service.Storage;
using Officina.Service.Workers;

namespace Officina.Service.Configuration;

/// <summary>The service's registrations, one <c>Add*</c> method per concern.</summary>
public static class OfficinaServices
{
    public const string RateLimitPolicy = "per_key";

    /// <summary>
    /// Everything the service needs. Settings are read when services are resolved (after the
    /// host is built), so tests and hosts can add configuration late; only the listen address
    /// and whether this process runs a worker are read here.
    /// </summary>
    public static WebApplicationBuilder AddOfficina(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(OfficinaOptions.Section);
        builder.Services.AddOptions<OfficinaOptions>().Bind(section);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(section["Urls"] is { Length: > 0 } urls ? urls : new OfficinaOptions().Urls);
        }

        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<OfficinaOptions>>((kestrel, o) =>
            kestrel.Limits.MaxRequestBodySize = o.Value.MaxUploadBytes + (64 * 1024));
        builder.Services.AddSingleton(sp => new ApiKeys(Settings(sp).ApiKeys));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOfficinaStorage();
        builder.Services.AddOfficinaJobs(runWorker: section.GetValue("Worker", defaultValue: true));
        builder.Services.AddOfficinaSecurity();
        builder.Services.AddOfficinaApi();
        builder.Services.AddOfficinaMcp();
        builder.Services.AddOfficinaTelemetry(export: !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]));
        return builder;
    }

    /// <summary>Local disk and Hangfire.InMemory, or PostgreSQL for both, by <see cref="OfficinaOptions.Storage"/>.</summary>
    public static IServiceCollection AddOfficinaStorage(this IServiceCollection services)
    {
        services.AddSingleton<IJobStore>(sp => IsPostgres(sp)
            ? ActivatorUtilities.CreateInstance<PostgresJobStore>(sp)
            : new LocalJobStore(Settings(sp).DataFolder, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IScheduleStore>(sp => IsPostgres(sp)
            ? ActivatorUtilities.CreateInstance<PostgresScheduleStore>(sp)
            : new LocalScheduleStore(Settings(sp).DataFolder, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IFileStore>(sp => IsPostgres(sp)
            ? ActivatorUtilities.CreateInstance<PostgresFileStore>(sp)
            : new LocalFileStore(Settings(sp).DataFolder));
        services.AddSingleton(sp => NpgsqlDataSource.Create(ConnectionString(sp)));
        services.AddSingleton<PostgresSchema>();
        services.AddSingleton<JobStorage>(sp =>
        {
            if (!IsPostgres(sp))
            {
                return new InMemoryStorage(new InMemoryStorageOptions());
            }

            var storageOptions = new PostgreSqlStorageOptions
            {
                InvisibilityTimeout = TimeSpan.FromSeconds(Settings(sp).InvisibilityTimeoutSeconds),
                UseSlidingInvisibilityTimeout = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(200),
                PrepareSchemaIfNecessary = true,

                // Start (and answer /readyz with 503) while the database is down; Hangfire connects when it is back.
                StartupConnectionMaxRetries = 2,
                StartupConnectionBaseDelay = TimeSpan.FromMilliseconds(500),
                StartupConnectionMaxDelay = TimeSpan.FromSeconds(2),
                AllowDegradedModeWithoutStorage = true,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(ConnectionString(sp), storageOptions), storageOptions);
        });
        return services;
    }

    public static IServiceCollection AddOfficinaJobs(this IServiceCollection services, bool runWorker = true)
    {
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (runWorker)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.WorkerCount = Settings(sp).WorkerCount;
                o.ServerName = $"officina-{Environment.MachineName}-{Environment.ProcessId}";
                o.ShutdownTimeout = TimeSpan.FromSeconds(10);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        services.AddOfficinaJobWork();
        services.AddSingleton<WorkerSupervisor>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<JobSubmitter>();
        services.AddTransient<ScheduleRunner>();
        services.AddSingleton<ScheduleRegistry>();
        return services;
    }

    /// <summary>What runs a job's work, in the service or in a worker process (which adds its own stores).</summary>
    public static IServiceCollection AddOfficinaJobWork(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PackageLimits
        {
            MaxFileBytes = Settings(sp).MaxUploadBytes,
            MaxDecompressedBytes = Settings(sp).MaxDecompressedBytes,
            DecompressedLimitSetting = "the setting Officina:MaxDecompressedBytes (bytes)",
        });

        // One LibreOffice for every run of this process (renders, verification, formula values), with the one timeout.
        services.AddSingleton(sp => new LibreOfficeRunner(
            string.IsNullOrWhiteSpace(Settings(sp).LibreOfficePath) ? null : Settings(sp).LibreOfficePath,
            TimeSpan.FromSeconds(Settings(sp).RenderTimeoutSeconds),
            timeoutSetting: "the setting Officina:RenderTimeoutSeconds"));
        services.AddSingleton<JobDocuments>();
        services.AddSingleton(sp => new DocumentRenderer(sp.GetRequiredService<LibreOfficeRunner>()));
        services.AddSingleton<ReportBatchJob>();
        services.AddSingleton<ModelLoopFactory>();
        services.AddTransient<JobRunner>();
        return services;
    }

    public static IServiceCollection AddOfficinaSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddSingleton<AuthFailureThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var options = Settings(context.HttpContext.RequestServices);
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This API key sent more than {options.RateLimitPerMinute} requests in a minute (Officina:RateLimitPerMinute); retry after 60 s.")
                    .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
            limiter.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst(ApiKeyAuthentication.KeyClaim)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Settings(http.RequestServices).RateLimitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>Traces and metrics of requests, jobs and model calls, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public static IServiceCollection AddOfficinaTelemetry(this IServiceCollection services, bool export)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("officina"))
            .WithTracing(t => t.AddSource(JobTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddMeter(JobTelemetry.Name).AddAspNetCoreInstrumentation());
        if (export)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    public static IServiceCollection AddOfficinaApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ServiceJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<RequestFailureHandler>();
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiOperations>();
            o.AddOperationTransformer<OpenApiOperations>();
        });
        return services;
    }

    private static OfficinaOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<OfficinaOptions>>().Value;

    private static bool IsPostgres(IServiceProvider services) => Settings(services).Storage.ToLowerInvariant() switch
    {
        "local" => false,
        "postgres" or "postgresql" => true,
        var other => throw new InvalidOperationException($"Officina:Storage must be 'local' or 'postgres'. Given: '{other}'."),
    };

    private static string ConnectionString(IServiceProvider services) =>
        Settings(services).ConnectionString is { Length: > 0 } connection ? connection
        : throw new InvalidOperationException("Officina:Storage is 'postgres' but Officina:ConnectionString is empty: set it, e.g. Host=127.0.0.1;Port=5432;Database=officina;Username=officina;Password=....");
}
