using System.Threading.RateLimiting;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Authentication;
using Npgsql;
using Officina.OpenXml.Packaging;
using Officina.Service.Api;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Officina.Service.Storage;

namespace Officina.Service.Configuration;

/// <summary>The service's registrations, one <c>Add*</c> method per concern.</summary>
public static class OfficinaServices
{
    public const string RateLimitPolicy = "per_key";

    /// <summary>Everything the service needs; reads and checks the <c>Officina</c> section first.</summary>
    public static WebApplicationBuilder AddOfficina(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new OfficinaOptions();
        builder.Configuration.GetSection(OfficinaOptions.Section).Bind(options);
        builder.Services.Configure<OfficinaOptions>(builder.Configuration.GetSection(OfficinaOptions.Section));

        var keys = new ApiKeys(options.ApiKeys);
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = options.Urls;
            builder.WebHost.UseUrls(urls);
        }

        keys.RequireKeysOffLoopback(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes + (64 * 1024));
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOfficinaStorage(options, builder.Environment.ContentRootPath);
        builder.Services.AddOfficinaJobs(options);
        builder.Services.AddOfficinaSecurity(options);
        builder.Services.AddOfficinaApi();
        return builder;
    }

    public static IServiceCollection AddOfficinaStorage(this IServiceCollection services, OfficinaOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Storage.ToLowerInvariant())
        {
            case "local":
                var data = Path.GetFullPath(Path.Combine(contentRoot, options.DataPath));
                services.AddSingleton<IJobStore>(sp => new LocalJobStore(data, sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<IFileStore>(_ => new LocalFileStore(data));
                services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions()));
                break;
            case "postgres" or "postgresql":
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException("Officina:Storage is 'postgres' but Officina:ConnectionString is empty: set it, e.g. Host=127.0.0.1;Port=5432;Database=officina;Username=officina;Password=....");
                }

                services.AddSingleton(_ => NpgsqlDataSource.Create(options.ConnectionString));
                services.AddSingleton<PostgresSchema>();
                services.AddSingleton<IJobStore, PostgresJobStore>();
                services.AddSingleton<IFileStore, PostgresFileStore>();
                var storageOptions = new PostgreSqlStorageOptions
                {
                    InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilityTimeoutSeconds),
                    UseSlidingInvisibilityTimeout = true,
                    QueuePollInterval = TimeSpan.FromMilliseconds(200),
                    PrepareSchemaIfNecessary = true,
                };
                services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(options.ConnectionString, storageOptions), storageOptions));
                break;
            default:
                throw new InvalidOperationException($"Officina:Storage must be 'local' or 'postgres'. Given: '{options.Storage}'.");
        }

        return services;
    }

    public static IServiceCollection AddOfficinaJobs(this IServiceCollection services, OfficinaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (options.Worker)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.ServerName = $"officina-{Environment.MachineName}-{Environment.ProcessId}";
                o.ShutdownTimeout = TimeSpan.FromSeconds(10);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        services.AddSingleton(new PackageLimits { MaxFileBytes = options.MaxUploadBytes });
        services.AddSingleton<JobDocuments>();
        services.AddSingleton<ModelLoopFactory>();
        services.AddTransient<JobRunner>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<JobSubmitter>();
        return services;
    }

    public static IServiceCollection AddOfficinaSecurity(this IServiceCollection services, OfficinaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This API key sent more than {options.RateLimitPerMinute} requests in a minute (Officina:RateLimitPerMinute); retry after 60 s.")
                    .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
            limiter.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst(ApiKeyAuthentication.KeyClaim)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RateLimitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static IServiceCollection AddOfficinaApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ServiceJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }
}
