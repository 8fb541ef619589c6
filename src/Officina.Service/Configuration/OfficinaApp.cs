using Hangfire;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Officina.Service.Api;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Scalar.AspNetCore;

namespace Officina.Service.Configuration;

/// <summary>The request pipeline and the endpoints.</summary>
public static class OfficinaApp
{
    /// <summary>The web UI at <c>/</c> loads only its own script and style, talks only to this service, and is never framed.</summary>
    public const string WebUiContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Hangfire dashboard runs only its own scripts (inline styles it sets on elements are allowed), talks only to this
    /// service, and is never framed (clickjacking its delete and requeue buttons).
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DashboardPath = "/hangfire";

    public static WebApplication UseOfficina(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var keys = app.Services.GetRequiredService<ApiKeys>();
        var options = app.Services.GetRequiredService<IOptions<OfficinaOptions>>().Value;
        var urls = app.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : options.Urls;
        keys.RequireKeysOffLoopback(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        app.Use(NoSniff);
        app.UseExceptionHandler();
        app.Use(app.Services.GetRequiredService<AuthFailureThrottle>().RefuseThrottledAsync);
        app.UseStatusCodePages();
        // The web UI ships next to the assembly, so it is found whatever the working directory is.
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = Directory.Exists(webRoot) ? new PhysicalFileProvider(webRoot) : app.Environment.WebRootFileProvider;
        app.UseAddin();
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/" || context.Request.Path == "/index.html")
            {
                context.Response.Headers.ContentSecurityPolicy = WebUiContentSecurityPolicy;
            }
            else if (context.Request.Path.StartsWithSegments(DashboardPath))
            {
                context.Response.Headers.ContentSecurityPolicy = DashboardContentSecurityPolicy;
                context.Response.Headers.XFrameOptions = "DENY";
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [new DashboardAuthorization(keys, app.Services.GetRequiredService<AuthFailureThrottle>())], DashboardTitle = "Officina jobs" });

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapGroup(JobsApi.Prefix)
            .RequireAuthorization()
            .RequireRateLimiting(OfficinaServices.RateLimitPolicy)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .MapJobsApi()
            .MapPlansApi()
            .MapDocumentsApi()
            .MapReportsApi()
            .MapSchedulesApi()
            .MapCatalogApi();
        app.MapMcpApi();
        app.MapHealthApi();

        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());

            // Hangfire.InMemory forgets recurring jobs on restart; the schedule records do not, so register them again (a no-op on PostgreSQL).
            var registry = app.Services.GetRequiredService<ScheduleRegistry>();
            foreach (var schedule in app.Services.GetRequiredService<Storage.IScheduleStore>().AllAsync(CancellationToken.None).GetAwaiter().GetResult())
            {
                registry.Register(schedule);
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            app.Logger.LogError(ex, "Could not register the retention job and the schedules' recurring jobs: storage is unreachable. They are registered on the next start; /readyz reports the storage.");
        }

        app.Logger.LogInformation("Officina service: storage {Storage} ({Data}), worker {Worker}, upload limit {Limit:N0} bytes, retention {Hours} h",
            options.Storage, options.Storage == "local" ? options.DataFolder : "PostgreSQL", options.Worker ? $"{options.WorkerCount} thread(s)" : "off", options.MaxUploadBytes, options.RetentionHours);
        var sandbox = Officina.OpenXml.LibreOffice.LibreOfficeSandbox.Current;
        if (sandbox.Warning is { } warning)
        {
            app.Logger.LogWarning("{Warning}", warning);
        }
        else
        {
            app.Logger.LogInformation("LibreOffice runs isolated ({Sandbox})", sandbox.Description);
        }

        if (keys.Open)
        {
            app.Logger.LogWarning("No API keys are configured: the API is OPEN to every local caller (tenant 'local'); this is allowed on loopback addresses only. Add Officina:ApiKeys to require keys.");
        }

        return app;
    }

    /// <summary>Every answer (API, downloads, static files, errors) tells browsers not to guess a content type other than the declared one.</summary>
    private static Task NoSniff(HttpContext context, RequestDelegate next)
    {
        // Set when the answer starts, so error answers whose headers the exception handler cleared carry it too.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
